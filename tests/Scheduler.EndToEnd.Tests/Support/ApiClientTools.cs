using System.Diagnostics;
using System.Text;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Support;

/// <summary>
/// The npm tools pinned in tests/ApiClient (Redocly's linter, openapi-typescript, tsc) as scripts/lib/apiclient.sh
/// installs them into .tuner/tools/api-client, and node to run what they build. Missing tools fail the test, saying how
/// to install them.
/// </summary>
public sealed class ApiClientTools
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    private ApiClientTools(string directory) => Directory = directory;

    /// <summary>.tuner/tools/api-client: node_modules, and the work folders of the tests.</summary>
    public string Directory { get; }

    /// <summary>tests/ApiClient: the package manifest, the tsconfig and the client check script.</summary>
    public static string Sources => Path.Combine(RepositoryPaths.Root, "tests", "ApiClient");

    public static ApiClientTools Find()
    {
        var directory = Path.Combine(RepositoryPaths.Root, ".tuner", "tools", "api-client");
        var missing = new[] { "redocly", "openapi-typescript", "tsc" }
            .Where(tool => !File.Exists(Path.Combine(directory, "node_modules", ".bin", tool))).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"the OpenAPI test tools are missing ({string.Join(", ", missing)} under {directory}/node_modules/.bin); " +
                "install them with `source scripts/lib/apiclient.sh && ensure_api_client_tools_installed` " +
                "(scripts/test does this; it needs node >= 20.19 and npm)");
        }

        return new ApiClientTools(directory);
    }

    /// <summary>Runs an installed tool (`redocly`, `openapi-typescript`, `tsc`) in <paramref name="workingDirectory"/>.</summary>
    public Task<(int ExitCode, string Output)> RunToolAsync(string workingDirectory, string tool, params string[] arguments) =>
        RunAsync(workingDirectory, Path.Combine(Directory, "node_modules", ".bin", tool), arguments);

    /// <summary>Runs `node` from PATH in <paramref name="workingDirectory"/>.</summary>
    public Task<(int ExitCode, string Output)> RunNodeAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, "node", arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // No telemetry or update checks from the linter: the tests run offline.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = Start(start);
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} ran over {ToolTimeout.TotalMinutes} min:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"could not start {start.FileName} ({e.Message}); the API client test needs node >= 20.19 on PATH", e);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
