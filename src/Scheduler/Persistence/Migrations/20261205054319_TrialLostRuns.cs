using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TrialLostRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "lost_runs",
                schema: "tuner",
                table: "trials",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lost_runs",
                schema: "tuner",
                table: "trials");
        }
    }
}
