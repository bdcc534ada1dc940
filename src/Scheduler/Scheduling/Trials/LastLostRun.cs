using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// What ended a trial's last lost run: the state machine names it in the error of a trial failed at
/// budget.max_lost_runs (<see cref="Tuner.Core.Trials.LostRunReasons.Limit"/>).
/// </summary>
public static class LastLostRun
{
    public static Task<string?> ReasonAsync(TunerDbContext db, Trial trial, CancellationToken ct) =>
        db.TrialRuns.AsNoTracking()
            .Where(r => r.TrialId == trial.Id && r.Outcome == TrialRunOutcome.Lost)
            .OrderByDescending(r => r.Id).Select(r => r.EndReason).FirstOrDefaultAsync(ct);
}
