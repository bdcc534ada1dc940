using System.Diagnostics;
using System.Net;
using System.Text;

namespace Tuner.TestSupport.S3;

/// <summary>
/// An S3 emulator from npm (<see cref="FauxqsServer"/>, <see cref="S3rverServer"/>) as a child process on a free
/// loopback port: started from <c>.tuner/tools/node_modules/.bin</c>, where scripts/test installs both from
/// tests/tools/package-lock.json; ready once a GET of its readiness path answers 200; its output kept for the error that
/// says why it did not start; killed with its process tree on dispose.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _output = new();

    private EmulatorProcess(Process process, string name, int port)
    {
        _process = process;
        _name = name;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

    /// <param name="name">The executable in node_modules/.bin, which names the emulator in errors.</param>
    /// <param name="configure">Sets the arguments and environment for the port.</param>
    /// <param name="readyPath">The path that answers 200 once the emulator serves requests.</param>
    public static async Task<EmulatorProcess> StartAsync(string name, Action<ProcessStartInfo, int> configure, string readyPath)
    {
        var executable = Path.Join(RepositoryPaths.ToolsDirectory, "node_modules", ".bin", name);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"the S3 test server is missing: expected {name} at '{executable}'; run scripts/test (it installs fauxqs and s3rver from npm with tests/tools/package-lock.json through scripts/lib/s3server.sh)");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        configure(start, port);
        var emulator = new EmulatorProcess(Process.Start(start)!, name, port);
        emulator._process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        emulator._process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        emulator._process.BeginOutputReadLine();
        emulator._process.BeginErrorReadLine();
        try
        {
            await emulator.WaitUntilReadyAsync(readyPath);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string readyPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{_name} exited with code {_process.ExitCode} before it was ready; its output:\n{Output()}");
            }
            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}{readyPath}");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException(
            $"{_name} did not answer {ServiceUrl}{readyPath} within {StartTimeout.TotalSeconds} s; its output:\n{Output()}");
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
