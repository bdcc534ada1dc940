using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "tuner");

            migrationBuilder.CreateTable(
                name: "sweeps",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    definition_text = table.Column<string>(type: "text", nullable: false),
                    objective = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    maximize = table.Column<bool>(type: "boolean", nullable: false),
                    max_trials = table.Column<int>(type: "integer", nullable: false),
                    parallelism = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stop_reason = table.Column<string>(type: "text", nullable: true),
                    best_trial_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweeps", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    host = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    process_id = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    current_trial_id = table.Column<long>(type: "bigint", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trials",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sweep_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    params_json = table.Column<string>(type: "jsonb", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true),
                    best_epoch = table.Column<int>(type: "integer", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    preemptions = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    lease_token = table.Column<long>(type: "bigint", nullable: false),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    job_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trials", x => x.id);
                    table.ForeignKey(
                        name: "fk_trials_sweeps_sweep_id",
                        column: x => x.sweep_id,
                        principalSchema: "tuner",
                        principalTable: "sweeps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trial_id = table.Column<long>(type: "bigint", nullable: false),
                    epoch = table.Column<int>(type: "integer", nullable: false),
                    batch = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    uri = table.Column<string>(type: "text", nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    lease_token = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.id);
                    table.ForeignKey(
                        name: "fk_checkpoints_trials_trial_id",
                        column: x => x.trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trial_reports",
                schema: "tuner",
                columns: table => new
                {
                    trial_id = table.Column<long>(type: "bigint", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    metrics_json = table.Column<string>(type: "jsonb", nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trial_reports", x => new { x.trial_id, x.step });
                    table.ForeignKey(
                        name: "fk_trial_reports_trials_trial_id",
                        column: x => x.trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trial_runs",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trial_id = table.Column<long>(type: "bigint", nullable: false),
                    worker_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lease_token = table.Column<long>(type: "bigint", nullable: false),
                    resumed_epoch = table.Column<int>(type: "integer", nullable: false),
                    resumed_batch = table.Column<int>(type: "integer", nullable: false),
                    epochs_trained = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trial_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_trial_runs_trials_trial_id",
                        column: x => x.trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_checkpoints_trial_id_state",
                schema: "tuner",
                table: "checkpoints",
                columns: new[] { "trial_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sweeps_state",
                schema: "tuner",
                table: "sweeps",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_trial_runs_trial_id",
                schema: "tuner",
                table: "trial_runs",
                column: "trial_id");

            migrationBuilder.CreateIndex(
                name: "ix_trials_status",
                schema: "tuner",
                table: "trials",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_trials_sweep_id_number",
                schema: "tuner",
                table: "trials",
                columns: new[] { "sweep_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "trial_reports",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "trial_runs",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "workers",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "trials",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "sweeps",
                schema: "tuner");
        }
    }
}
