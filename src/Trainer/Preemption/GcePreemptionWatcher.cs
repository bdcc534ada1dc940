namespace Tuner.Trainer.Preemption;

/// <summary>
/// Long-polls the GCE metadata value <c>instance/preempted</c> ("FALSE" until the VM is preempted, then "TRUE";
/// about 30 s from then to power-off). Reads the current value and its ETag first, then waits with
/// <c>wait_for_change=true&amp;last_etag=...</c> so a change made between two requests is never missed.
/// Errors are retried with exponential backoff.
/// </summary>
public sealed class GcePreemptionWatcher : IPreemptionWatcher
{
    public const string HostVariable = "GCE_METADATA_HOST";
    public const string Source = "gce-preempted";
    public static readonly TimeSpan NoticePeriod = TimeSpan.FromSeconds(30);

    private readonly GceMetadataClient _metadata;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;

    public GcePreemptionWatcher(HttpClient http, Uri metadataEndpoint, TimeProvider? clock = null,
        TimeSpan? initialBackoff = null, TimeSpan? maxBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _metadata = new GceMetadataClient(http, metadataEndpoint);
        _clock = clock ?? TimeProvider.System;
        _initialBackoff = initialBackoff ?? TimeSpan.FromSeconds(1);
        _maxBackoff = maxBackoff ?? TimeSpan.FromSeconds(30);
        if (_initialBackoff <= TimeSpan.Zero || _maxBackoff < _initialBackoff)
            throw new ArgumentOutOfRangeException(nameof(initialBackoff),
                $"backoff must satisfy 0 < initialBackoff <= maxBackoff, but got initialBackoff={_initialBackoff}, maxBackoff={_maxBackoff}");
    }

    /// <summary>http://{GCE_METADATA_HOST} when set (as Google's client libraries read it), else http://metadata.google.internal.</summary>
    public static Uri DefaultEndpoint()
    {
        var configured = Environment.GetEnvironmentVariable(HostVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? new Uri("http://metadata.google.internal/")
            : MetadataEndpoints.FromHostOrUrl(configured.Trim());
    }

    public async Task<PreemptionNotice> WaitForNoticeAsync(CancellationToken ct)
    {
        var waitForChange = false;
        string? etag = null;
        var backoff = _initialBackoff;
        while (true)
        {
            GceMetadataValue? value;
            try
            {
                value = await _metadata.ReadPreemptedAsync(waitForChange, etag, ct);
            }
            catch (Exception error) when (MetadataEndpoints.IsTransient(error, ct))
            {
                await Task.Delay(backoff, _clock, ct);
                backoff = backoff * 2 > _maxBackoff ? _maxBackoff : backoff * 2;
                continue;
            }
            backoff = _initialBackoff;
            if (string.Equals(value.Text, "TRUE", StringComparison.OrdinalIgnoreCase))
                return new PreemptionNotice(Source, _clock.GetUtcNow() + NoticePeriod,
                    "instance/preempted=TRUE; termination time estimated as 30 s after the notice");
            waitForChange = true;
            etag = value.ETag;
        }
    }
}
