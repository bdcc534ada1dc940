using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ScheduleOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "overlap",
                schema: "tuner",
                table: "schedules",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Skip");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "overlap",
                schema: "tuner",
                table: "schedules");
        }
    }
}
