using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api;

/// <summary>Read models for the API and the CLI: sweeps with counts and best trial, trials with their history.</summary>
public sealed class SweepQueries(IDbContextFactory<TunerDbContext> contexts, SweepPlans plans)
{
    /// <summary>Events one GET /api/sweeps/{id}/events answers with; the client asks again with <c>after</c>.</summary>
    public const int EventsPerResponse = 500;

    /// <summary>Sweeps newest first that pass <paramref name="filter"/>, after the sweep id <paramref name="after"/> (the previous page's last) when given.</summary>
    public async Task<Page<SweepSummary>> ListAsync(Pages.SweepFilter filter, long? after, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return Paging.Of(await Pages.SweepList.ReadAsync(db, filter, after, limit + 1, ct), limit, s => s.Id);
    }

    public async Task<SweepDetails?> GetAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, ct);
        if (sweep is null)
        {
            return null;
        }

        var counts = Pages.TrialCountsQuery.Of((await Pages.TrialCountsQuery.BySweepAsync(db, [sweepId], ct))[sweepId]);
        return new SweepDetails(
            sweep.Id, sweep.Name, sweep.State.ToString(), sweep.StopReason, sweep.Objective, ObjectiveDirections.Of(sweep.Maximize),
            sweep.CreatedAt, sweep.FinishedAt, sweep.MaxTrials, sweep.Parallelism, sweep.Seed, counts, await BestAsync(db, sweep, ct));
    }

    /// <summary>The sweep's events after <paramref name="afterId"/>, oldest first (at most <see cref="EventsPerResponse"/>); null when there is no such sweep.</summary>
    public async Task<IReadOnlyList<SweepEventView>?> EventsAsync(long sweepId, long afterId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Sweeps.AnyAsync(s => s.Id == sweepId, ct)) return null;
        return await db.SweepEvents.AsNoTracking().Where(e => e.SweepId == sweepId && e.Id > afterId).OrderBy(e => e.Id).Take(EventsPerResponse)
            .Select(e => new SweepEventView(e.Id, e.At, e.Kind, e.TrialId, e.Message)).ToListAsync(ct);
    }

    /// <summary>A page of the sweep's trials by number, after trial number <paramref name="after"/> when given; null when there is no such sweep.</summary>
    public async Task<Page<TrialView>?> TrialPageAsync(long sweepId, int? after, int limit, CancellationToken ct) =>
        await TrialsAsync(sweepId, after, limit + 1, ct) is { } trials ? Paging.Of(trials, limit, t => t.Number) : null;

    /// <summary>Every trial of the sweep by number (for `tuner run`'s progress); null when there is no such sweep.</summary>
    public Task<IReadOnlyList<TrialView>?> TrialsAsync(long sweepId, CancellationToken ct) =>
        TrialsAsync(sweepId, null, null, ct);

    private async Task<IReadOnlyList<TrialView>?> TrialsAsync(long sweepId, int? afterNumber, int? take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sweep = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sweepId, ct);
        if (sweep is null)
        {
            return null;
        }

        var plan = await plans.ForAsync(sweep, ct);
        var byNumber = db.Trials.AsNoTracking().Where(t => t.SweepId == sweepId && (afterNumber == null || t.Number > afterNumber))
            .OrderBy(t => t.Number);
        var trials = await (take is { } count ? byNumber.Take(count) : byNumber)
            .Include(t => t.Reports).Include(t => t.Runs)
            .Include(t => t.Checkpoints.Where(c => c.State == CheckpointState.Live))
            .AsSplitQuery().ToListAsync(ct);
        return trials.Select(t => Pages.TrialViews.Of(t, plan.Space)).ToList();
    }

    private async Task<BestTrial?> BestAsync(TunerDbContext db, Sweep sweep, CancellationToken ct)
    {
        if (sweep.BestTrialId is not { } bestId)
        {
            return null;
        }

        var trial = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == bestId, ct);
        var plan = await plans.ForAsync(sweep, ct);
        var checkpoint = await db.Checkpoints.AsNoTracking()
            .Where(c => c.TrialId == bestId && c.State == CheckpointState.Live)
            .OrderByDescending(c => c.Epoch).FirstOrDefaultAsync(ct);
        return new BestTrial(
            trial.Id, trial.Number, ParamsJson.Deserialize(trial.ParamsJson, plan.Space), trial.Value ?? double.NaN,
            checkpoint?.Epoch ?? trial.BestEpoch, checkpoint?.Uri);
    }
}
