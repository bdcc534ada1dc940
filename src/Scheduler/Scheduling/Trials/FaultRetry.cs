using Polly;
using Polly.Retry;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// Repeats an action while it fails with an infrastructure fault (see <see cref="InfrastructureFaults"/>), with
/// delays doubling from a quarter second up to four, for at most the given window: long enough to ride out a database
/// restart, short enough that a lease of the same length is still held. Any other exception ends it at once.
/// </summary>
public static class FaultRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(4);

    public static ResiliencePipeline Within(TimeSpan window, TimeProvider clock, Action<Exception, TimeSpan>? onRetry = null)
    {
        var started = clock.GetTimestamp();
        return new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && InfrastructureFaults.IsInfrastructure(ex)
                    && clock.GetElapsedTime(started) + DelayBefore(args.AttemptNumber) < window),
                BackoffType = DelayBackoffType.Exponential,
                Delay = FirstDelay,
                MaxDelay = LongestDelay,
                UseJitter = false,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.Outcome.Exception!, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>The delay the retry strategy waits after attempt <paramref name="attempt"/> (0-based) fails.</summary>
    private static TimeSpan DelayBefore(int attempt) =>
        attempt >= 5 ? LongestDelay : TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << attempt, LongestDelay.Ticks));
}
