using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Tuner.TestSupport;

namespace Tuner.Scheduler.EndToEnd.Tests.Access;

/// <summary>One request a <see cref="RecordingServer"/> received: its path, headers and body as sent.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What a <see cref="RecordingServer"/> answers.</summary>
public sealed record RecordedAnswer(int Status, string ContentType, string Body)
{
    public static RecordedAnswer Ok { get; } = new(200, "text/plain", "");
}

/// <summary>
/// A real HTTP server on a free local port that keeps every request it gets and answers each with what
/// the given function says: a webhook receiver, or a stand-in for a cloud API whose requests a test reads back.
/// </summary>
public sealed class RecordingServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<RecordedRequest, RecordedAnswer> answer;
    private readonly ConcurrentQueue<RecordedRequest> received = new();
    private readonly Task loop;

    public RecordingServer(Func<RecordedRequest, RecordedAnswer>? answer = null)
    {
        this.answer = answer ?? (_ => RecordedAnswer.Ok);
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<RecordedRequest> Received => [.. received];

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body);
            received.Enqueue(request);
            var reply = answer(request);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
