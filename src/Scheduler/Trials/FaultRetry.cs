namespace Tuner.Scheduler.Trials;

/// <summary>
/// Repeats an action while it fails with an infrastructure fault (see <see cref="InfrastructureFaults"/>), with
/// delays doubling from a quarter second up to four, for at most <paramref name="window"/>: long enough to ride out a
/// database restart, short enough that a lease of the same length is still held. Any other exception ends it at once.
/// </summary>
public sealed class FaultRetry(TimeSpan window, TimeProvider clock)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(4);

    public async Task RunAsync(Func<Task> action, Action<Exception, TimeSpan>? onRetry = null)
    {
        var started = clock.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex) && clock.GetElapsedTime(started) + delay < window)
            {
                onRetry?.Invoke(ex, delay);
            }

            await Task.Delay(delay, clock);
            delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
        }
    }
}
