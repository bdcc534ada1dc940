using Tuner.Persistence;
using Tuner.Core.Model;

namespace Tuner.Scheduling.Events;

/// <summary>Records what happened to a sweep as a <see cref="SweepEvent"/> in the caller's DbContext, so the event is
/// saved in the same transaction as the change it explains.</summary>
public static class SweepEvents
{
    /// <summary>Adds the event to <paramref name="db"/> (saved by the caller's SaveChanges) and returns it.</summary>
    public static SweepEvent Add(
        TunerDbContext db, long sweepId, long? trialId, string kind, string message, TimeProvider clock)
    {
        var sweepEvent = new SweepEvent
        {
            SweepId = sweepId, TrialId = trialId, Kind = kind, Message = message, At = clock.GetUtcNow(),
        };
        db.SweepEvents.Add(sweepEvent);
        return sweepEvent;
    }
}
