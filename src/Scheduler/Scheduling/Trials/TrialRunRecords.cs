using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Persistence;

namespace Tuner.Scheduling.Trials;

/// <summary>Writes the end of a run, inside the transaction that moves its trial.</summary>
public static class TrialRunRecords
{
    public static async Task EndAsync(
        TunerDbContext db, long runId, TrialRunOutcome outcome, TimeProvider clock, CancellationToken ct, string? reason = null)
    {
        var run = await db.TrialRuns.SingleAsync(r => r.Id == runId, ct);
        TrialLifecycle.EndRun(run, outcome, clock.GetUtcNow(), reason);
    }
}
