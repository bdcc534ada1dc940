using System.Net.Sockets;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>The real `tuner` client commands against a real `tuner server` process, and a second server that cannot listen.</summary>
[Collection("postgres")]
public sealed class CliServerFailureTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task StatusCancelCostBudgetAndCheckpoint_ExitWithNotFound_ForASweepTheServerDoesNotHave()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_not_found"));
        var server = ServerUrl(cluster);

        var status = await TunerCommand.RunAsync(new Dictionary<string, string>(), "status", "999", "--server", server);
        var cancel = await TunerCommand.RunAsync(new Dictionary<string, string>(), "cancel", "999", "--server", server);

        var cost = await TunerCommand.RunAsync(new Dictionary<string, string>(), "cost", "999", "--server", server);
        var budget = await TunerCommand.RunAsync(new Dictionary<string, string>(), "budget", "999", "--max-cost-usd", "5", "--server", server);
        var badBudget = await TunerCommand.RunAsync(new Dictionary<string, string>(), "budget", "999", "--max-cost-usd", "-5", "--server", server);
        var checkpoint = await TunerCommand.RunAsync(new Dictionary<string, string>(), "checkpoint", "999", "1", "--server", server);
        var trials = await TunerCommand.RunAsync(new Dictionary<string, string>(), "budget", "999", "--max-trials", "50", "--server", server);
        var nothing = await TunerCommand.RunAsync(new Dictionary<string, string>(), "budget", "999", "--server", server);

        FailsClearly.Assert(status, ExitCodes.NotFound, $"no sweep 999 at {server}");
        FailsClearly.Assert(cost, ExitCodes.NotFound, $"no sweep 999 at {server}");
        FailsClearly.Assert(budget, ExitCodes.NotFound, $"no sweep 999 at {server}");
        FailsClearly.Assert(checkpoint, ExitCodes.NotFound, $"there is no sweep with id 999 (at {server})");
        FailsClearly.Assert(trials, ExitCodes.NotFound, $"no sweep 999 at {server}");
        FailsClearly.Assert(nothing, ExitCodes.BadInput, "give --max-cost-usd, --max-trials or both");
        FailsClearly.Assert(badBudget, ExitCodes.BadInput, "--max-cost-usd must be dollars greater than 0 and at most 10,000,000, like 25 or 2.50, but got '-5'");
        var line = FailsClearly.Assert(cancel, ExitCodes.NotFound, $"no sweep 999 at {server}");
        Assert.Contains("`tuner status` lists the sweeps there", line);
    }

    [Fact]
    public async Task SubmitStatusCancel_Succeed_ThenCancellingAgainIsRefused()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_flow"));
        var environment = new Dictionary<string, string> { ["TUNER_SERVER"] = ServerUrl(cluster) };
        var file = Path.Combine(cluster.Home, "small.yaml");
        await File.WriteAllTextAsync(file, SweepTexts.Small(seed: 11));

        var submit = await TunerCommand.RunAsync(environment, "submit", file);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var id = long.Parse(submit.Stdout.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var status = await TunerCommand.RunAsync(environment, "status", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cancel = await TunerCommand.RunAsync(environment, "cancel", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await TunerCommand.RunAsync(environment, "cancel", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.StartsWith($"sweep {id} (small-11) submitted", submit.Stdout);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.StartsWith($"Sweep {id} 'small-11' Running for ", status.Stdout);
        Assert.Contains("No trial has completed, so there is no best trial yet.", status.Stdout);
        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.StartsWith($"sweep {id} (small-11) is cancelling", cancel.Stdout);
        FailsClearly.Assert(again, ExitCodes.Refused, $"cancelling sweep {id} failed at {ServerUrl(cluster)}");
    }

    [Fact]
    public async Task Submit_ExitsWithBadInput_ListingTheServersProblems_WhenTheDefinitionIsRejected()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_rejected"));
        var file = Path.Combine(cluster.Home, "bad.yaml");
        await File.WriteAllTextAsync(file, "name: bad\nbudget: { max_trials: 0 }\n");

        var result = await TunerCommand.RunAsync(new Dictionary<string, string>(), "submit", file, "--server", ServerUrl(cluster));

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.StartsWith("tuner: bad.yaml was rejected by the server", result.StderrLines[0]);
        Assert.Contains(result.StderrLines, l => l.StartsWith("budget.max_trials: ", StringComparison.Ordinal) && l.EndsWith("(line 2)", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Server_ExitsWithCannotListen_WhenItsPortIsInUse()
    {
        var connectionString = await postgres.CreateDatabaseAsync("cli_port_in_use");
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        var home = Directory.CreateTempSubdirectory("tuner-cli-").FullName;
        try
        {
            var result = await TunerCommand.RunAsync(
                new Dictionary<string, string> { ["TUNER_HOME"] = home, ["TUNER_DATABASE_URL"] = connectionString, ["TUNER_URLS"] = url }, "server");

            var line = FailsClearly.Assert(result, ExitCodes.CannotListen, $"Failed to bind to address {url}: address already in use");
            Assert.Contains("choose another address with --urls or TUNER_URLS", line);
            Assert.DoesNotContain("fail", result.Stdout);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string ServerUrl(TunerCluster cluster) => cluster.Http.BaseAddress!.ToString().TrimEnd('/');
}
