using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrialLastEpoch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "last_epoch",
                schema: "tuner",
                table: "trials",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Trials that reported before this column existed: their highest reported epoch.
            migrationBuilder.Sql("""
                UPDATE tuner.trials t SET last_epoch = r.last_epoch
                  FROM (SELECT trial_id, max(epoch) AS last_epoch FROM tuner.trial_reports GROUP BY trial_id) r
                 WHERE t.id = r.trial_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_epoch",
                schema: "tuner",
                table: "trials");
        }
    }
}
