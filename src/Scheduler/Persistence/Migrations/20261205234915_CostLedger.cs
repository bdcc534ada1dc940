using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CostLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "labels_json",
                schema: "tuner",
                table: "sweeps",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<decimal>(
                name: "max_cost_usd",
                schema: "tuner",
                table: "sweeps",
                type: "numeric(14,6)",
                precision: 14,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "pause_stops_running",
                schema: "tuner",
                table: "sweeps",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "budget_alerts",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sweep_id = table.Column<long>(type: "bigint", nullable: false),
                    basis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    max_cost_usd = table.Column<decimal>(type: "numeric(14,6)", precision: 14, scale: 6, nullable: false),
                    spent_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    forecast_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cost_entries",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    machine = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    pool = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sweep_id = table.Column<long>(type: "bigint", nullable: true),
                    trial_id = table.Column<long>(type: "bigint", nullable: true),
                    trial_run_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    share = table.Column<int>(type: "integer", nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false),
                    market = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    usd_per_hour = table.Column<decimal>(type: "numeric(12,6)", precision: 12, scale: 6, nullable: true),
                    on_demand_usd_per_hour = table.Column<decimal>(type: "numeric(12,6)", precision: 12, scale: 6, nullable: true),
                    usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    on_demand_usd = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    price_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    estimated = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cost_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_marks",
                schema: "tuner",
                columns: table => new
                {
                    machine = table.Column<string>(type: "character varying(220)", maxLength: 220, nullable: false),
                    through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_marks", x => x.machine);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sweep_id = table.Column<long>(type: "bigint", nullable: true),
                    budget_alert_id = table.Column<long>(type: "bigint", nullable: true),
                    @event = table.Column<string>(name: "event", type: "character varying(64)", maxLength: 64, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_budget_alerts_sweep_id_basis_percent_max_cost_usd",
                schema: "tuner",
                table: "budget_alerts",
                columns: new[] { "sweep_id", "basis", "percent", "max_cost_usd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cost_entries_machine_ends_at",
                schema: "tuner",
                table: "cost_entries",
                columns: new[] { "machine", "ends_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cost_entries_sweep_id",
                schema: "tuner",
                table: "cost_entries",
                column: "sweep_id");

            migrationBuilder.CreateIndex(
                name: "ix_cost_entries_trial_run_id",
                schema: "tuner",
                table: "cost_entries",
                column: "trial_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_budget_alert_id",
                schema: "tuner",
                table: "webhook_deliveries",
                column: "budget_alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_state_next_attempt_at",
                schema: "tuner",
                table: "webhook_deliveries",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_sweep_id",
                schema: "tuner",
                table: "webhook_deliveries",
                column: "sweep_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_alerts",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "cost_entries",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "ledger_marks",
                schema: "tuner");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "tuner");

            migrationBuilder.DropColumn(
                name: "labels_json",
                schema: "tuner",
                table: "sweeps");

            migrationBuilder.DropColumn(
                name: "max_cost_usd",
                schema: "tuner",
                table: "sweeps");

            migrationBuilder.DropColumn(
                name: "pause_stops_running",
                schema: "tuner",
                table: "sweeps");
        }
    }
}
