using Microsoft.Extensions.Time.Testing;

namespace Tuner.Trainer.Tests.Preemption;

/// <summary>
/// The watchers pause between polls on their <see cref="TimeProvider"/>; on a <see cref="FakeTimeProvider"/> a pause
/// ends only when the test moves the clock. While a test waits for something, this moves the clock on one poll
/// interval at a time, so a watcher keeps polling as it would in real time.
/// </summary>
internal static class AdvancingClock
{
    /// <summary>How long the test lets the watcher run after each step before it steps again (not an assertion).</summary>
    private static readonly TimeSpan Turn = TimeSpan.FromMilliseconds(10);

    public static async Task<T> AdvanceWhileWaitingAsync<T>(this FakeTimeProvider clock, Task<T> waiting, TimeSpan step)
    {
        while (!waiting.IsCompleted)
        {
            clock.Advance(step);
            await Task.WhenAny(waiting, Task.Delay(Turn));
        }

        return await waiting;
    }
}
