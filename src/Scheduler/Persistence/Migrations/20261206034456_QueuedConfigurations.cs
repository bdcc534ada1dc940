using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QueuedConfigurations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "queued_configurations",
                schema: "tuner",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sweep_id = table.Column<long>(type: "bigint", nullable: false),
                    params_json = table.Column<string>(type: "jsonb", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trial_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queued_configurations", x => x.id);
                    table.ForeignKey(
                        name: "fk_queued_configurations_sweeps_sweep_id",
                        column: x => x.sweep_id,
                        principalSchema: "tuner",
                        principalTable: "sweeps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_queued_configurations_trials_trial_id",
                        column: x => x.trial_id,
                        principalSchema: "tuner",
                        principalTable: "trials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_queued_configurations_sweep_id_trial_id",
                schema: "tuner",
                table: "queued_configurations",
                columns: new[] { "sweep_id", "trial_id" });

            migrationBuilder.CreateIndex(
                name: "ix_queued_configurations_trial_id",
                schema: "tuner",
                table: "queued_configurations",
                column: "trial_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queued_configurations",
                schema: "tuner");
        }
    }
}
