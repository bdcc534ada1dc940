using Microsoft.Extensions.Logging;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Renews a trial's lease in the background while it trains. Fires <see cref="Lost"/> when the lease is gone (the
/// worker must stop writing), <see cref="CancelRequested"/> when the sweep was cancelled and <see cref="StopRequested"/>
/// when its budget paused it (the trial checkpoints and hands back, as on a preemption).
/// </summary>
public sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource cancelRequested = new();
    private readonly CancellationTokenSource stopRequested = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LeaseHeartbeat(
        TrialLeases leases, TrialLease lease, TimeSpan duration, TimeSpan interval, TimeProvider clock, ILogger logger)
    {
        loop = Task.Run(() => RunAsync(leases, lease, duration, interval, clock, logger));
    }

    public CancellationToken Lost => lost.Token;

    public CancellationToken CancelRequested => cancelRequested.Token;

    public CancellationToken StopRequested => stopRequested.Token;

    private async Task RunAsync(
        TrialLeases leases, TrialLease lease, TimeSpan duration, TimeSpan interval, TimeProvider clock, ILogger logger)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stop.Token);
                switch (await leases.RenewAsync(lease, duration, stop.Token))
                {
                    case HeartbeatResult.Lost:
                        logger.LogWarning("Lease on trial {TrialId} lost; stopping without writing", lease.TrialId);
                        await lost.CancelAsync();
                        return;
                    case HeartbeatResult.CancelRequested:
                        await cancelRequested.CancelAsync();
                        break;
                    case HeartbeatResult.StopRequested:
                        await stopRequested.CancelAsync();
                        break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup: keep trying; if the lease runs out meanwhile, the next renewal reports it lost.
                logger.LogWarning(ex, "Heartbeat for trial {TrialId} failed; retrying", lease.TrialId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
        lost.Dispose();
        cancelRequested.Dispose();
        stopRequested.Dispose();
    }
}
