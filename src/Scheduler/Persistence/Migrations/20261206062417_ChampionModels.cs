using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChampionModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "manual_approval",
                schema: "tuner",
                table: "schedules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "model_name",
                schema: "tuner",
                table: "schedules",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "promotion_guards_json",
                schema: "tuner",
                table: "schedules",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "promotion_margin",
                schema: "tuner",
                table: "schedules",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "warm_start_prior_weight",
                schema: "tuner",
                table: "schedules",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "models",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    champion_trial_id = table.Column<long>(type: "bigint", nullable: true),
                    champion_checkpoint_id = table.Column<long>(type: "bigint", nullable: true),
                    champion_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    previous_trial_id = table.Column<long>(type: "bigint", nullable: true),
                    previous_checkpoint_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_models_checkpoints_champion_checkpoint_id",
                        column: x => x.champion_checkpoint_id,
                        principalSchema: "tuner",
                        principalTable: "checkpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_models_checkpoints_previous_checkpoint_id",
                        column: x => x.previous_checkpoint_id,
                        principalSchema: "tuner",
                        principalTable: "checkpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_models_trials_champion_trial_id",
                        column: x => x.champion_trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_models_trials_previous_trial_id",
                        column: x => x.previous_trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "promotion_decisions",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    model_id = table.Column<long>(type: "bigint", nullable: false),
                    schedule_run_id = table.Column<long>(type: "bigint", nullable: true),
                    sweep_id = table.Column<long>(type: "bigint", nullable: true),
                    challenger_trial_id = table.Column<long>(type: "bigint", nullable: true),
                    challenger_checkpoint_id = table.Column<long>(type: "bigint", nullable: true),
                    champion_trial_id = table.Column<long>(type: "bigint", nullable: true),
                    metric = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    margin = table.Column<double>(type: "double precision", nullable: false),
                    challenger_scores_json = table.Column<string>(type: "jsonb", nullable: true),
                    champion_scores_json = table.Column<string>(type: "jsonb", nullable: true),
                    champion_reported_value = table.Column<double>(type: "double precision", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_promotion_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_checkpoints_challenger_checkpoint_id",
                        column: x => x.challenger_checkpoint_id,
                        principalSchema: "tuner",
                        principalTable: "checkpoints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_models_model_id",
                        column: x => x.model_id,
                        principalSchema: "tuner",
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_schedule_runs_schedule_run_id",
                        column: x => x.schedule_run_id,
                        principalSchema: "tuner",
                        principalTable: "schedule_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_sweeps_sweep_id",
                        column: x => x.sweep_id,
                        principalSchema: "tuner",
                        principalTable: "sweeps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_trials_challenger_trial_id",
                        column: x => x.challenger_trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_promotion_decisions_trials_champion_trial_id",
                        column: x => x.champion_trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_models_champion_checkpoint_id",
                schema: "tuner",
                table: "models",
                column: "champion_checkpoint_id");

            migrationBuilder.CreateIndex(
                name: "ix_models_champion_trial_id",
                schema: "tuner",
                table: "models",
                column: "champion_trial_id");

            migrationBuilder.CreateIndex(
                name: "ix_models_name",
                schema: "tuner",
                table: "models",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_models_previous_checkpoint_id",
                schema: "tuner",
                table: "models",
                column: "previous_checkpoint_id");

            migrationBuilder.CreateIndex(
                name: "ix_models_previous_trial_id",
                schema: "tuner",
                table: "models",
                column: "previous_trial_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_challenger_checkpoint_id",
                schema: "tuner",
                table: "promotion_decisions",
                column: "challenger_checkpoint_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_challenger_trial_id",
                schema: "tuner",
                table: "promotion_decisions",
                column: "challenger_trial_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_champion_trial_id",
                schema: "tuner",
                table: "promotion_decisions",
                column: "champion_trial_id");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_model_id_id",
                schema: "tuner",
                table: "promotion_decisions",
                columns: new[] { "model_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_outcome",
                schema: "tuner",
                table: "promotion_decisions",
                column: "outcome",
                filter: "outcome = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_schedule_run_id",
                schema: "tuner",
                table: "promotion_decisions",
                column: "schedule_run_id",
                unique: true,
                filter: "schedule_run_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_promotion_decisions_sweep_id",
                schema: "tuner",
                table: "promotion_decisions",
                column: "sweep_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "promotion_decisions",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "models",
                schema: "tuner");

            migrationBuilder.DropColumn(
                name: "manual_approval",
                schema: "tuner",
                table: "schedules");

            migrationBuilder.DropColumn(
                name: "model_name",
                schema: "tuner",
                table: "schedules");

            migrationBuilder.DropColumn(
                name: "promotion_guards_json",
                schema: "tuner",
                table: "schedules");

            migrationBuilder.DropColumn(
                name: "promotion_margin",
                schema: "tuner",
                table: "schedules");

            migrationBuilder.DropColumn(
                name: "warm_start_prior_weight",
                schema: "tuner",
                table: "schedules");
        }
    }
}
