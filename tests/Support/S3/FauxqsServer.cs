using System.Diagnostics;
using System.Net;
using System.Text;

namespace Tuner.TestSupport.S3;

/// <summary>The fauxqs S3 emulator that scripts/test installs into &lt;repository root&gt;/.tuner/tools
/// (scripts/lib/s3server.sh, locked in tests/tools), running as a child process on a free loopback port until disposed.</summary>
public sealed class FauxqsServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private FauxqsServer(Process process, int port)
    {
        _process = process;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

    public static async Task<FauxqsServer> StartAsync()
    {
        var executable = Path.Join(RepositoryPaths.ToolsDirectory, "node_modules", ".bin", "fauxqs");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"the S3 test server is missing: expected fauxqs at '{executable}'; run scripts/test (it installs fauxqs and s3rver from npm with tests/tools/package-lock.json through scripts/lib/s3server.sh)");
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["FAUXQS_PORT"] = port.ToString(), ["FAUXQS_LOGGER"] = "false" },
        };
        var server = new FauxqsServer(Process.Start(start)!, port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"fauxqs exited with code {_process.ExitCode} before it was ready; its output:\n{Output()}");
            }
            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException(
            $"fauxqs did not answer {ServiceUrl}/health within {StartTimeout.TotalSeconds} s; its output:\n{Output()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
