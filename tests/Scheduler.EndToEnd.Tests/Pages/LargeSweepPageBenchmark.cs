using System.Diagnostics;
using System.Globalization;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;
using Xunit.Abstractions;

namespace Tuner.Scheduler.EndToEnd.Tests.Pages;

/// <summary>
/// The pages at scale (docs/benchmarks.md, "Pages at 50,000 trials"): a <see cref="LargeSweep"/> of 50,000 trials with 20
/// reports each, a real `tuner server` on it, and tests/Browser/scale.bench.mjs loading the sweep page, the sweeps list
/// and a trial page in chromium, several times, timing each to every panel drawn, a sort and a page-through of the
/// trials table, and the longest main-thread task. It prints the table of figures; it asserts what was drawn, not how fast.
/// </summary>
[Collection("postgres")]
public sealed class LargeSweepPageBenchmark(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Trials = 50_000;
    private const int Loads = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private static string Script => BrowserTests.ScriptPath("scale.bench.mjs");

    [Fact]
    public async Task SweepOf50000Trials_DrawsItsPages_AndPrintsTheirTimes()
    {
        var browser = BrowserTests.Find();
        var connection = await postgres.CreateDatabaseAsync("pages_scale");
        // The server migrates the database as it starts; the sweep is then written straight into it.
        await using var cluster = await TunerCluster.StartAsync(connection);
        var written = Stopwatch.StartNew();
        var sweepId = await LargeSweep.WriteAsync(connection, Trials, reportsPerTrial: 20);
        output.WriteLine($"wrote sweep {sweepId} ({Trials:N0} trials, 20 reports each) in {written.Elapsed.TotalSeconds:F1} s");

        var (exitCode, text) = await browser.RunAsync(Script, new Dictionary<string, string>
        {
            ["TUNER_URL"] = cluster.Url,
            ["TUNER_SWEEP_ID"] = sweepId.ToString(CultureInfo.InvariantCulture),
            ["TUNER_TRIALS"] = Trials.ToString(CultureInfo.InvariantCulture),
            ["TUNER_BENCH_LOADS"] = Loads.ToString(CultureInfo.InvariantCulture),
        }, Timeout);
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"{Script} exited with {exitCode}:\n{text}\n{cluster.Diagnostics()}");
    }
}
