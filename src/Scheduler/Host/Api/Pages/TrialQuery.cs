using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/trials/{number}: one trial with its history, its sweep and its Hangfire job.</summary>
internal static class TrialQuery
{
    /// <summary>The trial; null when the sweep has no trial of that number.</summary>
    public static async Task<TrialDetails?> RunAsync(TunerDbContext db, PageSweep sweep, int number, CancellationToken ct)
    {
        var trial = await db.Trials.AsNoTracking().Where(t => t.SweepId == sweep.Id && t.Number == number)
            .Include(t => t.Reports).Include(t => t.Runs)
            .Include(t => t.Checkpoints.Where(c => c.State == CheckpointState.Live))
            .AsSplitQuery().SingleOrDefaultAsync(ct);
        return trial is null ? null : TrialDetails.Of(TrialViews.Of(trial, sweep.Plan.Space), sweep.Id, sweep.Sweep.Name, trial.JobId);
    }
}
