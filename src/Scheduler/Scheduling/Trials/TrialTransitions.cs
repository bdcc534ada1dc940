using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;

namespace Tuner.Scheduling.Trials;

/// <summary>The state changes every path shares: finishing a trial, handing it back, closing a run.</summary>
public static class TrialTransitions
{
    public static void Finish(Trial trial, TrialStatus status, TimeProvider clock, string? error = null)
    {
        trial.Status = status;
        trial.FinishedAt = clock.GetUtcNow();
        trial.Error = error;
        ReleaseLease(trial);
    }

    /// <summary>Back to the queue, keeping id, params, reports and checkpoints.</summary>
    public static void HandBack(Trial trial)
    {
        trial.Status = TrialStatus.Waiting;
        ReleaseLease(trial);
    }

    public static async Task EndRunAsync(
        TunerDbContext db, long runId, TrialRunOutcome outcome, TimeProvider clock, CancellationToken ct, string? reason = null)
    {
        var run = await db.TrialRuns.SingleAsync(r => r.Id == runId, ct);
        run.Outcome = outcome;
        run.EndedAt = clock.GetUtcNow();
        run.EndReason = reason;
    }

    private static void ReleaseLease(Trial trial)
    {
        trial.LeaseOwner = null;
        trial.LeaseExpiresAt = null;
    }
}
