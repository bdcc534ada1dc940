using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Polls zoneOperations.wait until an operation is DONE. GCE's wait returns when the operation is DONE or after about
/// two minutes, whichever comes first (so the HttpClient's timeout must be longer); an answer that is not yet DONE is
/// followed, after <see cref="GcpOptions.PollInterval"/>, by another wait, until <see cref="GcpOptions.OperationTimeout"/>.
/// </summary>
internal sealed class GceOperationWaiter(GceRestClient client, GcpOptions options, TimeProvider time)
{
    public const string TimeoutCode = "operationTimeout";

    /// <summary>Waits for DONE. Running out of time is reported as Throttled with code <see cref="TimeoutCode"/>:
    /// calling again with the same launch token (same requestId) finds the same operation and keeps waiting.</summary>
    public async Task<GceOperation> WaitUntilDoneAsync(string zone, GceOperation operation, string action, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var timeout = options.EffectiveOperationTimeout;
        while (!operation.IsDone)
        {
            if (time.GetElapsedTime(started) >= timeout)
            {
                throw new CapacityException(CapacityErrorKind.Throttled, TimeoutCode,
                    $"{action}: operation {operation.Name} in {zone} was still {operation.Status} after {timeout.TotalSeconds:0} s " +
                    "(TUNER_GCP_OPERATION_TIMEOUT_SECONDS); the same call again keeps waiting on it");
            }
            try
            {
                operation = await client.WaitOperationAsync(zone, operation.Name, ct);
            }
            catch (GceApiException e)
            {
                throw e.ToCapacityException($"{action}: waiting for operation {operation.Name}");
            }
            if (!operation.IsDone && options.EffectivePollInterval > TimeSpan.Zero)
                await Task.Delay(options.EffectivePollInterval, time, ct);
        }
        return operation;
    }
}
