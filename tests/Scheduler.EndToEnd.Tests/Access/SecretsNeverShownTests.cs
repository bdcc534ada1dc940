using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>
/// Database passwords, cloud credentials, webhook secrets and API keys never appear in logs, pages, responses or
/// events. One sweep run with known secrets in use (<see cref="SecretsRun"/>) is shared by both tests, then every text
/// it showed is searched for every secret, as written, URL-encoded and base64-encoded, ignoring case.
/// </summary>
[Collection("postgres")]
public sealed class SecretsNeverShownTests(PostgresServerFixture postgres)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Task<SecretsRun>? run;

    [Fact]
    public async Task NoSecret_IsInLogsPagesResponsesEventsWebhooksOrFiles()
    {
        var shown = await RunOnceAsync();

        var places = shown.Shown.Select(s => s.Where).ToList();
        Assert.Contains(places, p => p.StartsWith("webhook 0 body", StringComparison.Ordinal));
        Assert.Contains(places, p => p.StartsWith("GET /hangfire/jobs/details/", StringComparison.Ordinal));
        Assert.Contains(places, p => p.StartsWith("file ", StringComparison.Ordinal));
        Assert.Contains(places, p => p.StartsWith("process command lines", StringComparison.Ordinal));
        var found = shown.Shown.SelectMany(s => shown.Secrets.FindIn(s.Where, s.Text)).ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// <summary>The search finds what it looks for: each secret in a connection string, and base64-encoded inside a
    /// longer text at each alignment (as EC2 user-data or a Basic authorization header would carry it).</summary>
    [Fact]
    public async Task TheSearch_FindsEverySecret_AsWrittenAndEncoded()
    {
        var secrets = (await RunOnceAsync()).Secrets;

        Assert.Equal(5, secrets.Values.Count);
        foreach (var secret in secrets.Values)
        {
            Assert.NotEmpty(secrets.FindIn("a connection string", $"Host=db;Password={secret.ToUpperInvariant()};Pooling=true"));
            Assert.NotEmpty(secrets.FindIn("a URL", $"https://db/?password={Uri.EscapeDataString(secret + "/")}"));
            foreach (var before in new[] { "", "a", "ab" })
            {
                var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{before}export X='{secret}'\n"));
                Assert.NotEmpty(secrets.FindIn("base64", $"UserData={encoded}"));
            }
        }
    }

    /// <summary>The script a cloud worker starts with is user-data, which anyone who may describe the instance can read:
    /// it must not carry the database owner's password (workers get a narrower role), nor the other secrets.</summary>
    [Fact]
    public async Task CloudWorkersStartUpScript_CarriesNoSecret()
    {
        var shown = await RunOnceAsync();

        Assert.NotEmpty(shown.CloudUserData);
        Assert.All(shown.CloudUserData, script => Assert.Contains("docker run", script, StringComparison.Ordinal));
        var found = shown.CloudUserData.SelectMany((script, i) => shown.Secrets.FindIn($"the user-data of launch {i}", script)).ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    private async Task<SecretsRun> RunOnceAsync()
    {
        await Once.WaitAsync();
        try
        {
            run ??= SecretsRun.RunAsync(postgres);
        }
        finally
        {
            Once.Release();
        }

        return await run;
    }
}
