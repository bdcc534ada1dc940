using Tuner.Core.Events;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Prints a sweep's new events (preemptions, scale decisions, fallbacks) as they are recorded. Runs handed back
/// or lost are left out: <see cref="ProgressPrinter"/> already prints each, with its reason, as its trial's
/// "interrupted" line.</summary>
internal sealed class EventPrinter(TextWriter output)
{
    private static readonly HashSet<string> ShownAsTrialLines = [SweepEventKinds.RunHandedBack, SweepEventKinds.RunLost];

    public long LastId { get; private set; }

    public void Print(IReadOnlyList<SweepEventView> events)
    {
        foreach (var e in events)
        {
            if (!ShownAsTrialLines.Contains(e.Kind)) output.WriteLine($"  [{e.Kind}] {e.Message}");
            LastId = Math.Max(LastId, e.Id);
        }
    }
}
