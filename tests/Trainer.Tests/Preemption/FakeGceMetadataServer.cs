using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tuner.Trainer.Tests.Preemption;

/// <summary>
/// Speaks the GCE metadata protocol for <c>instance/preempted</c>: 403 without <c>Metadata-Flavor: Google</c>;
/// <c>wait_for_change=true</c> holds the request until the value changes, or answers at once when
/// <c>last_etag</c> differs from the current ETag; every answer carries the value's (unquoted) ETag.
/// </summary>
internal sealed class FakeGceMetadataServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private MetadataServerHost? _host;
    private string _value = "FALSE";
    private int _version = 1;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failuresToServe;
    private int _failuresServed;
    private int _requestsWithoutFlavor;

    public Uri Endpoint => _host!.BaseAddress;
    public int FailuresServed => Volatile.Read(ref _failuresServed);
    public int RequestsWithoutFlavor => Volatile.Read(ref _requestsWithoutFlavor);
    public string CurrentETag { get { lock (_gate) return ETagOf(_version); } }

    /// <summary>The last_etag of every wait_for_change request, in arrival order (null when absent).</summary>
    public List<string?> LongPollETags { get; } = [];
    /// <summary>Released when a long poll starts waiting for a change.</summary>
    public SemaphoreSlim LongPollsWaiting { get; } = new(0);
    /// <summary>Released when a waiting long poll is abandoned by its client.</summary>
    public SemaphoreSlim LongPollsAbandoned { get; } = new(0);

    public static async Task<FakeGceMetadataServer> StartAsync()
    {
        var server = new FakeGceMetadataServer();
        server._host = await MetadataServerHost.StartAsync(app =>
            app.MapGet("/computeMetadata/v1/instance/preempted", server.HandleAsync));
        return server;
    }

    /// <summary>Sets the value; the ETag changes even when the value does not, as a metadata write does.</summary>
    public void SetPreempted(bool preempted)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _value = preempted ? "TRUE" : "FALSE";
            _version++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    public void FailNextRequests(int count) => Volatile.Write(ref _failuresToServe, count);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_host is not null)
            await _host.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Headers["Metadata-Flavor"] != "Google")
        {
            Interlocked.Increment(ref _requestsWithoutFlavor);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (Interlocked.Decrement(ref _failuresToServe) >= 0)
        {
            Interlocked.Increment(ref _failuresServed);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var (value, etag, changed) = Snapshot();
        if (context.Request.Query["wait_for_change"] == "true")
        {
            string? lastETag = context.Request.Query["last_etag"];
            lock (_gate)
                LongPollETags.Add(lastETag);
            if (lastETag is null || lastETag == etag)
            {
                LongPollsWaiting.Release();
                using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                try
                {
                    await changed.WaitAsync(abandoned.Token);
                }
                catch (OperationCanceledException)
                {
                    LongPollsAbandoned.Release();
                    return;
                }
                (value, etag, _) = Snapshot();
            }
        }
        context.Response.Headers["Metadata-Flavor"] = "Google";
        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/text";
        await context.Response.WriteAsync(value);
    }

    private (string Value, string ETag, Task Changed) Snapshot()
    {
        lock (_gate)
            return (_value, ETagOf(_version), _changed.Task);
    }

    private static string ETagOf(int version) => $"{version:x16}";
}
