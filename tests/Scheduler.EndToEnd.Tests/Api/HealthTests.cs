using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Api;

/// <summary>/healthz (the process answers) and /readyz (its database answers too) on a real `tuner server` whose real
/// database is then dropped under it.</summary>
[Collection("postgres")]
public sealed class HealthTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Readyz_Answers503ProblemOnceTheDatabaseIsGone_WhileHealthzStays200()
    {
        var connectionString = await postgres.CreateDatabaseAsync("api_health");
        await using var cluster = await TunerCluster.StartAsync(connectionString);

        var liveBefore = await cluster.Http.GetAsync("healthz");
        var readyBefore = await cluster.Http.GetAsync("readyz");
        await DropAsync(new NpgsqlConnectionStringBuilder(connectionString).Database!);
        var readyAfter = await cluster.Http.GetAsync("readyz");
        var liveAfter = await cluster.Http.GetAsync("healthz");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (liveBefore.StatusCode, await liveBefore.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (readyBefore.StatusCode, await readyBefore.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyAfter.StatusCode);
        Assert.Equal("application/problem+json", readyAfter.Content.Headers.ContentType?.MediaType);
        var problem = await readyAfter.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((503, "Not ready"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
        Assert.StartsWith("the database does not answer: ", problem.GetProperty("detail").GetString());
        Assert.Contains("does not exist", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Password", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, liveAfter.StatusCode);
    }

    private async Task DropAsync(string database)
    {
        await using var connection = new NpgsqlConnection(postgres.Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
