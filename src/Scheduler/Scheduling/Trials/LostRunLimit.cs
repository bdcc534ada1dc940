using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// budget.max_lost_runs: a trial whose runs keep ending with their worker gone without notice (out of memory, a
/// segfault in native code, SIGKILL) may be what kills its workers, so after that many it ends Failed instead of
/// taking down worker after worker. Preemptions with notice and vanished machines do not count.
/// </summary>
public static class LostRunLimit
{
    /// <summary>Fails the trial when it has reached the limit; true when it did. The caller saves.</summary>
    public static async Task<bool> ApplyAsync(TunerDbContext db, Trial trial, int maxLostRuns, TimeProvider clock, CancellationToken ct)
    {
        if (trial.LostRuns < maxLostRuns) return false;
        var last = await db.TrialRuns.AsNoTracking()
            .Where(r => r.TrialId == trial.Id && r.Outcome == TrialRunOutcome.Lost)
            .OrderByDescending(r => r.Id).Select(r => r.EndReason).FirstOrDefaultAsync(ct);
        TrialTransitions.Finish(trial, TrialStatus.Failed, clock, Message(trial.LostRuns, last));
        return true;
    }

    public static string Message(int lostRuns, string? lastReason) =>
        $"worker lost {lostRuns} times (last: {lastReason ?? "its lease expired without notice"})";

    /// <summary>What a lost run's record says ended it: the worker, and the epoch it was in.</summary>
    public static string Reason(TrialRun run) =>
        $"worker {run.WorkerId} went silent without notice during epoch {run.ResumedEpoch + run.EpochsTrained + 1}";
}
