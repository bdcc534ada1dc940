using System.Globalization;
using System.Text.Json;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.EndToEnd.Tests.Cli;

/// <summary>`tuner export` against a real `tuner server` process holding a <see cref="LargeSweep"/> of 30 trials.</summary>
[Collection("postgres")]
public sealed class ExportCliTests(PostgresServerFixture postgres)
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task Export_WritesEveryTrial_AsCsvToAFile_AndAsJsonToStdout()
    {
        var connection = await postgres.CreateDatabaseAsync("cli_export");
        await using var cluster = await TunerCluster.StartAsync(connection);
        var id = (await LargeSweep.WriteAsync(connection, trials: 30, reportsPerTrial: 3)).ToString(CultureInfo.InvariantCulture);
        var file = Path.Combine(cluster.Home, "trials.csv");

        var csv = await TunerCommand.RunAsync(NoEnvironment, "export", id, "--output", file, "--server", ServerUrl(cluster));
        var json = await TunerCommand.RunAsync(NoEnvironment, "export", id, "--format", "json", "--server", ServerUrl(cluster));

        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.StartsWith($"wrote {file} (", csv.Stdout);
        var lines = (await File.ReadAllTextAsync(file)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(31, lines.Length);
        Assert.Equal(
            "number,state,value,param.learning_rate,param.batch_size,param.hidden_units,param.dropout,param.optimizer,epochs,bestEpoch,preemptions,lostRuns,startedAt,endedAt,costUsd",
            lines[0]);
        Assert.StartsWith("0,Complete,", lines[1]);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var trials = JsonDocument.Parse(json.Stdout);
        Assert.Equal(30, trials.RootElement.GetArrayLength());
        Assert.Equal("Failed", trials.RootElement[9].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Export_FailsClearly_ForAnUnknownSweep_AndWithoutAServer()
    {
        await using var cluster = await TunerCluster.StartAsync(await postgres.CreateDatabaseAsync("cli_export_missing"));
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";

        var missing = await TunerCommand.RunAsync(NoEnvironment, "export", "999", "--server", ServerUrl(cluster));
        var noServer = await TunerCommand.RunAsync(NoEnvironment, "export", "999", "--server", nowhere);

        FailsClearly.Assert(missing, ExitCodes.NotFound, $"there is no sweep with id 999 (at {ServerUrl(cluster)})");
        FailsClearly.Assert(noServer, ExitCodes.ServerUnreachable, $"no Tuner server answers at {nowhere}");
    }

    private static string ServerUrl(TunerCluster cluster) => cluster.Http.BaseAddress!.ToString().TrimEnd('/');
}
