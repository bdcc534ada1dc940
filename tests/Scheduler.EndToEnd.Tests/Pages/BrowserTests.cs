using System.Diagnostics;
using System.Text;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Pages;

/// <summary>
/// The pages' browser tests (tests/Browser/pages.test.mjs) as scripts/lib/browser.sh installs what they need: Debian's
/// chromium and the pinned playwright-core in .tuner/tools/browser. Missing either fails the test, saying how to install it.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private BrowserTests(string tools) => Tools = tools;

    /// <summary>.tuner/tools/browser, whose node_modules holds playwright-core.</summary>
    public string Tools { get; }

    public static string Script => ScriptPath("pages.test.mjs");

    /// <summary>A node script of tests/Browser.</summary>
    public static string ScriptPath(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Browser", name);

    public static BrowserTests Find()
    {
        var tools = Path.Combine(RepositoryPaths.ToolsDirectory, "browser");
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(tools, "node_modules", "playwright-core", "package.json")))
        {
            throw new InvalidOperationException(
                $"the pages' browser tests need {Chromium} and playwright-core under {tools}/node_modules; install them with " +
                "`source scripts/lib/browser.sh && ensure_browser_installed` (scripts/test does this; it needs apt and node >= 20.19)");
        }

        return new BrowserTests(tools);
    }

    /// <summary>Runs pages.test.mjs with node's test runner and the given environment; returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment) =>
        RunAsync(Script, environment, Timeout);

    /// <summary>Runs <paramref name="script"/> with node, pointed at chromium and playwright-core, and the given
    /// environment; returns its exit code and output, or throws once it has run over <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { script },
            Environment = { ["TUNER_BROWSER_TOOLS"] = Tools, ["TUNER_CHROMIUM"] = Chromium, ["NO_COLOR"] = "1" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} ran over {timeout.TotalMinutes} min:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
