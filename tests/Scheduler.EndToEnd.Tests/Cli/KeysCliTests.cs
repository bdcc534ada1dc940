using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>
/// A real `tuner server` process on this machine's network address asks for API keys and says so; `tuner keys` makes,
/// lists and revokes them on the database; the client commands send TUNER_API_KEY, and each refusal is one line with
/// its own exit code.
/// </summary>
[Collection("postgres")]
public sealed class KeysCliTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task ANetworkServer_AsksForKeys_AndTheCliMakesAndSendsThem()
    {
        var database = await postgres.CreateDatabaseAsync("cli_keys");
        await using var cluster = await TunerCluster.StartAsync(database, host: MachineAddress.NonLoopbackIPv4());
        var db = new Dictionary<string, string> { ["TUNER_DATABASE_URL"] = database, ["TUNER_HOME"] = cluster.Home };
        await Eventually.GetAsync(() => Task.FromResult(cluster.Server.Output.Contains("Access: ", StringComparison.Ordinal) ? "banner" : null),
            TimeSpan.FromSeconds(30), "the access banner", () => cluster.Server.Output);
        Assert.Contains($"Access: API keys required ({cluster.Url} is not a loopback address), and there are none yet: create one with `tuner keys create NAME --role admin`",
            cluster.Server.Output);

        var anonymous = await TunerCommand.RunAsync(new Dictionary<string, string>(), "status", "--server", cluster.Url);
        FailsClearly.Assert(anonymous, ExitCodes.NotAllowed,
            $"the server at {cluster.Url} asks for an API key: set TUNER_API_KEY to a key from `tuner keys create NAME --role submit`");

        var made = await TunerCommand.RunAsync(db, "keys", "create", "ci", "--role", "submit");
        Assert.True(made.ExitCode == 0, made.ToString());
        var key = Assert.Single(made.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.Matches("^tuner_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$", key);
        var reader = await TunerCommand.RunAsync(db, "keys", "create", "viewer", "--role", "read");
        var readKey = reader.Stdout.Trim();

        var client = new Dictionary<string, string> { ["TUNER_SERVER"] = cluster.Url, ["TUNER_API_KEY"] = key };
        var file = Path.Combine(cluster.Home, "small.yaml");
        await File.WriteAllTextAsync(file, SweepTexts.Small(seed: 5));
        var submitted = await TunerCommand.RunAsync(client, "submit", file);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var readOnly = await TunerCommand.RunAsync(new Dictionary<string, string>(client) { ["TUNER_API_KEY"] = readKey }, "submit", file);
        FailsClearly.Assert(readOnly, ExitCodes.NotAllowed, $"the server at {cluster.Url} refused the request: the key 'viewer' has the role read; this request needs submit");
        var status = await TunerCommand.RunAsync(new Dictionary<string, string>(client) { ["TUNER_API_KEY"] = readKey }, "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("small-5", status.Stdout, StringComparison.Ordinal);

        var list = await TunerCommand.RunAsync(db, "keys", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"ci\s+submit\s+tuner_[a-z2-7]{12}_…\s+made .* active", list.Stdout);
        Assert.Matches(@"viewer\s+read\s+", list.Stdout);
        Assert.DoesNotContain(key[20..], list.Stdout + list.Stderr, StringComparison.Ordinal);

        FailsClearly.Assert(await TunerCommand.RunAsync(db, "keys", "create", "ci", "--role", "admin"), ExitCodes.BadInput,
            "a key named 'ci' exists already: revoke it first, or choose another name");
        FailsClearly.Assert(await TunerCommand.RunAsync(db, "keys", "create", "x", "--role", "owner"), ExitCodes.BadInput,
            "--role must be one of read, submit, admin, but got 'owner'");
        FailsClearly.Assert(await TunerCommand.RunAsync(db, "keys", "revoke", "nobody"), ExitCodes.NotFound,
            "there is no active key named 'nobody': `tuner keys list` shows them");

        var revoked = await TunerCommand.RunAsync(db, "keys", "revoke", "ci");
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        FailsClearly.Assert(await TunerCommand.RunAsync(client, "status"), ExitCodes.NotAllowed,
            $"the server at {cluster.Url} does not accept TUNER_API_KEY: the key was revoked, mistyped, or made for another Tuner database");
    }

    [Fact]
    public async Task AnUnknownAccessMode_StopsTheServer_WithOneLine()
    {
        var result = await TunerCommand.RunAsync(
            new Dictionary<string, string> { ["TUNER_AUTH"] = "none", ["TUNER_DATABASE_URL"] = await postgres.CreateDatabaseAsync("cli_keys") }, "server");

        FailsClearly.Assert(result, ExitCodes.BadInput, "TUNER_AUTH must be auto, keys or open, but got 'none'");
    }
}
