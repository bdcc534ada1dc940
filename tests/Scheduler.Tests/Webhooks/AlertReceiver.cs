using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Webhooks;

/// <summary>A real HTTP server on a free local port that records every POST and answers with the next status of a
/// script (then 200), as an alert receiver that is down, then up, would.</summary>
internal sealed class AlertReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> script;
    private readonly Task loop;

    public AlertReceiver(params HttpStatusCode[] answers)
    {
        script = new ConcurrentQueue<HttpStatusCode>(answers);
        Url = new Uri($"http://127.0.0.1:{FreePort.Next()}/hooks/tuner/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string Body, IReadOnlyDictionary<string, string> Headers, HttpStatusCode Answer)> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var answer = script.TryDequeue(out var next) ? next : HttpStatusCode.OK;
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Received.Enqueue((body, headers, answer));
            context.Response.StatusCode = (int)answer;
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
