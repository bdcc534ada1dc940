using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <summary>Stores each sweep's sampler seed (drawn at submission when the definition names none).</summary>
    public partial class StoredSweepSeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "seed",
                schema: "tuner",
                table: "sweeps",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Sweeps stored before seeds were: a seeded one keeps its sampler.seed (the only 'seed' key a definition has);
            // an unseeded one sampled with a fresh seed in every process and seeded its trials from its id, so its id is
            // the one seed it ever consistently had.
            migrationBuilder.Sql("""
                UPDATE tuner.sweeps
                SET seed = COALESCE(substring(definition_text from '"?seed"?\s*:\s*([0-9]{1,9})')::integer, (id % 2147483647)::integer);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "seed",
                schema: "tuner",
                table: "sweeps");
        }
    }
}
