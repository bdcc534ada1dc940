using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SpotCapacity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "instance_id",
                schema: "tuner",
                table: "workers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "queue",
                schema: "tuner",
                table: "workers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "local");

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                schema: "tuner",
                table: "trial_runs",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_batch_at",
                schema: "tuner",
                table: "trial_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pool",
                schema: "tuner",
                table: "sweeps",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "local");

            migrationBuilder.AddColumn<string>(
                name: "problem",
                schema: "tuner",
                table: "checkpoints",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sha256",
                schema: "tuner",
                table: "checkpoints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "capacity_instances",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    pool = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    launch_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    instance_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    instance_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    market = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    gpu_count = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hourly_price_usd = table.Column<decimal>(type: "numeric(12,6)", precision: 12, scale: 6, nullable: true),
                    sweep_id = table.Column<long>(type: "bigint", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    launched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    terminate_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capacity_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "capacity_pools",
                schema: "tuner",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    provider = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    instance_types_json = table.Column<string>(type: "jsonb", nullable: false),
                    gpu_count = table.Column<int>(type: "integer", nullable: false),
                    spot = table.Column<bool>(type: "boolean", nullable: false),
                    max_instances = table.Column<int>(type: "integer", nullable: false),
                    idle_timeout = table.Column<TimeSpan>(type: "interval", nullable: false),
                    spot_failures = table.Column<int>(type: "integer", nullable: false),
                    on_demand_after_spot_failures = table.Column<int>(type: "integer", nullable: false),
                    labels_json = table.Column<string>(type: "jsonb", nullable: false),
                    last_busy_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    desired = table.Column<int>(type: "integer", nullable: false),
                    spot_market_preemptions_per_hour = table.Column<double>(type: "double precision", nullable: true),
                    spot_market_notice = table.Column<TimeSpan>(type: "interval", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_capacity_pools", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sweep_events",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sweep_id = table.Column<long>(type: "bigint", nullable: false),
                    trial_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweep_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_capacity_instances_instance_id",
                schema: "tuner",
                table: "capacity_instances",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_capacity_instances_launch_token",
                schema: "tuner",
                table: "capacity_instances",
                column: "launch_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_capacity_instances_pool_state",
                schema: "tuner",
                table: "capacity_instances",
                columns: new[] { "pool", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_sweep_events_sweep_id_id",
                schema: "tuner",
                table: "sweep_events",
                columns: new[] { "sweep_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "capacity_instances",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "capacity_pools",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "sweep_events",
                schema: "tuner");

            migrationBuilder.DropColumn(
                name: "instance_id",
                schema: "tuner",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "queue",
                schema: "tuner",
                table: "workers");

            migrationBuilder.DropColumn(
                name: "end_reason",
                schema: "tuner",
                table: "trial_runs");

            migrationBuilder.DropColumn(
                name: "first_batch_at",
                schema: "tuner",
                table: "trial_runs");

            migrationBuilder.DropColumn(
                name: "pool",
                schema: "tuner",
                table: "sweeps");

            migrationBuilder.DropColumn(
                name: "problem",
                schema: "tuner",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "sha256",
                schema: "tuner",
                table: "checkpoints");
        }
    }
}
