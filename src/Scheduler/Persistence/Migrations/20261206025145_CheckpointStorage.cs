using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CheckpointStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "compression",
                schema: "tuner",
                table: "checkpoints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "content_bytes",
                schema: "tuner",
                table: "checkpoints",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "storage_class",
                schema: "tuner",
                table: "checkpoints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "storage_class_since",
                schema: "tuner",
                table: "checkpoints",
                type: "timestamp with time zone",
                nullable: true);

            // Checkpoints written before compression hold their content as it is.
            migrationBuilder.Sql("UPDATE tuner.checkpoints SET content_bytes = size_bytes;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "compression",
                schema: "tuner",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "content_bytes",
                schema: "tuner",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "storage_class",
                schema: "tuner",
                table: "checkpoints");

            migrationBuilder.DropColumn(
                name: "storage_class_since",
                schema: "tuner",
                table: "checkpoints");
        }
    }
}
