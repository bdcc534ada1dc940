using Npgsql;

namespace Tuner.Persistence.Access;

/// <summary>Whether a connection's user may migrate Tuner's schema: it owns schema tuner (or is a member of its owner,
/// or a superuser), or the schema does not exist yet and it may create schemas in the database. The worker role may not.</summary>
public static class SchemaOwnership
{
    public static async Task<bool> CanMigrateAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT CASE WHEN n.oid IS NULL THEN has_database_privilege(current_database(), 'CREATE')
                        ELSE pg_has_role(n.nspowner, 'USAGE') END
            FROM (SELECT 1) AS one LEFT JOIN pg_namespace n ON n.nspname = '{TunerDatabase.Schema}'
            """, connection);
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
