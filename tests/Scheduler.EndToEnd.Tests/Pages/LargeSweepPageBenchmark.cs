using System.Diagnostics;
using System.Globalization;
using System.Text;
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

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "Browser", "scale.bench.mjs");

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

        var (exitCode, text) = await RunNodeAsync(browser.Tools, new Dictionary<string, string>
        {
            ["TUNER_URL"] = cluster.Url,
            ["TUNER_SWEEP_ID"] = sweepId.ToString(CultureInfo.InvariantCulture),
            ["TUNER_TRIALS"] = Trials.ToString(CultureInfo.InvariantCulture),
            ["TUNER_BENCH_LOADS"] = Loads.ToString(CultureInfo.InvariantCulture),
        });
        output.WriteLine(text);
        Assert.True(exitCode == 0, $"{Script} exited with {exitCode}:\n{text}\n{cluster.Diagnostics()}");
    }

    /// <summary>Runs scale.bench.mjs with node as <see cref="BrowserTests.RunAsync"/> runs pages.test.mjs.</summary>
    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string tools, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { Script },
            Environment = { ["TUNER_BROWSER_TOOLS"] = tools, ["TUNER_CHROMIUM"] = "/usr/bin/chromium", ["NO_COLOR"] = "1" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var text = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, e) => Append(text, e.Data);
        process.ErrorDataReceived += (_, e) => Append(text, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {Script} ran over {Timeout.TotalMinutes} min:\n{text}");
        }

        process.WaitForExit();
        lock (text)
        {
            return (process.ExitCode, text.ToString());
        }
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }
}
