using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Tuner.Scheduler.Tests.Support;

namespace Tuner.Scheduler.Tests.Infrastructure;

/// <summary>
/// The fauxqs S3 emulator that scripts/lib/s3server.sh installs into &lt;repository root&gt;/.tuner/tools, running as a
/// child process on a free loopback port until disposed (a copy of the Trainer tests' server, in this project's terms).
/// </summary>
public sealed class FauxqsServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly StringBuilder output = new();

    private FauxqsServer(Process process, int port)
    {
        this.process = process;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    public string ServiceUrl { get; }

    public static async Task<FauxqsServer> StartAsync()
    {
        var executable = Path.Join(RepositoryPaths.Root, ".tuner", "tools", "node_modules", ".bin", "fauxqs");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"the S3 test server is missing: expected fauxqs at '{executable}'; run scripts/setup (it installs fauxqs 1.9.2 from npm through scripts/lib/s3server.sh)");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["FAUXQS_PORT"] = port.ToString(CultureInfo.InvariantCulture), ["FAUXQS_LOGGER"] = "false" },
        };
        var server = new FauxqsServer(Process.Start(start)!, port);
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
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
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"fauxqs exited with code {process.ExitCode} before it was ready; its output:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"fauxqs did not answer {ServiceUrl}/health within {StartTimeout.TotalSeconds} s; its output:\n{Output()}");
    }

    private void Append(string? line)
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

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
