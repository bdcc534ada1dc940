using Npgsql;
using Tuner.Persistence.Access;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Workers;

/// <summary>
/// The worker role `tuner server` made for its database, read as the owner reads it, with its password checked for
/// real (<see cref="PasswordCheck"/>).
/// </summary>
internal static class WorkerRoleLogin
{
    public static async Task<(string Role, string ConnectionString)> ReadAsync(string ownerConnectionString, string superuserConnectionString)
    {
        string role, password;
        await using (var owner = new NpgsqlConnection(ownerConnectionString))
        {
            await owner.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT role_name, password FROM tuner_owner.worker_role_passwords", owner);
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), "the server made no worker role");
            (role, password) = (reader.GetString(0), reader.GetString(1));
        }

        var worker = WorkerDatabaseRole.ConnectionStringFor(new NpgsqlConnectionStringBuilder(ownerConnectionString), role, password);
        await PasswordCheck.RequireAsync(superuserConnectionString, role, worker);
        return (role, worker);
    }
}
