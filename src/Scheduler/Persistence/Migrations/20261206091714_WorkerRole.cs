using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tuner.Persistence.Migrations
{
    /// <summary>
    /// Where the worker role's password lives (WorkerDatabaseRole): a schema of its own, owned by the schema owner and
    /// granted to no one, so the worker role cannot read it even if someone grants it every table in schema tuner.
    /// </summary>
    public partial class WorkerRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE SCHEMA tuner_owner;
                REVOKE ALL ON SCHEMA tuner_owner FROM PUBLIC;
                CREATE TABLE tuner_owner.worker_role_passwords (
                    role_name text PRIMARY KEY,
                    password text NOT NULL,
                    created_at timestamp with time zone NOT NULL DEFAULT now()
                );
                REVOKE ALL ON tuner_owner.worker_role_passwords FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP SCHEMA tuner_owner CASCADE;");
        }
    }
}
