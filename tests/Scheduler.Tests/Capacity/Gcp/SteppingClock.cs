namespace Tuner.Scheduler.Tests.Capacity.Gcp;

/// <summary>A clock whose every reading is one step later than the last, so a loop bounded by elapsed time ends after
/// a known number of turns without real waiting.</summary>
public sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
