using Microsoft.Extensions.Logging;

namespace Tuner.Scheduling;

/// <summary>The loop of the server's background services (the reconciler, the autoscaler): a pass, then a pause, until
/// the host stops. A pass that fails is logged and the next one runs on time; stopping ends the loop quietly.</summary>
public static class PeriodicPass
{
    public static async Task RunAsync(
        string name, TimeSpan interval, TimeProvider clock, ILogger logger, Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Pass} pass failed; retrying", name);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
