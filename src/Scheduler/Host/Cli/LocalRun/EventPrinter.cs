using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Prints a sweep's new events (preemptions, scale decisions, fallbacks) as they are recorded.</summary>
internal sealed class EventPrinter(TextWriter output)
{
    public long LastId { get; private set; }

    public void Print(IReadOnlyList<SweepEventView> events)
    {
        foreach (var e in events)
        {
            output.WriteLine($"  [{e.Kind}] {e.Message}");
            LastId = Math.Max(LastId, e.Id);
        }
    }
}
