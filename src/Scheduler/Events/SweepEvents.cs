using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;

namespace Tuner.Scheduler.Events;

/// <summary>Adds a <see cref="SweepEvent"/> to the context; it is written with the caller's SaveChanges.</summary>
public static class SweepEvents
{
    public static void Add(TunerDbContext db, long sweepId, long? trialId, string kind, string message, TimeProvider clock) =>
        db.SweepEvents.Add(new SweepEvent { SweepId = sweepId, TrialId = trialId, Kind = kind, Message = message, At = clock.GetUtcNow() });
}
