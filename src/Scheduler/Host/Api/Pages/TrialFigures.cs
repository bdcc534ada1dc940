using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>A trial with what the table and the export show beside its own columns, read in SQL: its last reported
/// epoch (trials.last_epoch) and whether it keeps a live checkpoint. Its dollars come from
/// <see cref="CostsAsync"/>.</summary>
internal sealed class TrialFigures
{
    public long Id { get; init; }
    public int Number { get; init; }
    public TrialStatus Status { get; init; }
    public required string ParamsJson { get; init; }
    public double? Value { get; init; }
    public int Epochs { get; init; }
    public int? BestEpoch { get; init; }
    public int Preemptions { get; init; }
    public int LostRuns { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public bool Checkpoint { get; init; }

    public static IQueryable<TrialFigures> Of(TunerDbContext db, IQueryable<Trial> trials) =>
        trials.AsNoTracking().Select(t => new TrialFigures
        {
            Id = t.Id,
            Number = t.Number,
            Status = t.Status,
            ParamsJson = t.ParamsJson,
            Value = t.Value,
            Epochs = t.LastEpoch,
            BestEpoch = t.BestEpoch,
            Preemptions = t.Preemptions,
            LostRuns = t.LostRuns,
            StartedAt = t.StartedAt,
            FinishedAt = t.FinishedAt,
            Checkpoint = db.Checkpoints.Any(k => k.TrialId == t.Id && k.State == CheckpointState.Live),
        });

    /// <summary>The ledger's lines charged to each trial of the sweep, summed by trial; a trial with none is absent.</summary>
    public static IQueryable<TrialCost> Costs(TunerDbContext db, long sweepId) =>
        db.CostEntries.Where(e => e.SweepId == sweepId && e.TrialId != null)
            .GroupBy(e => e.TrialId!.Value).Select(g => new TrialCost { TrialId = g.Key, Usd = g.Sum(e => e.Usd) });

    /// <summary>What <see cref="Costs"/> says of the trials in <paramref name="trialIds"/> (every trial when null).</summary>
    public static async Task<Dictionary<long, decimal>> CostsAsync(TunerDbContext db, long sweepId, IReadOnlyCollection<long>? trialIds, CancellationToken ct) =>
        await Costs(db, sweepId).Where(c => trialIds == null || trialIds.Contains(c.TrialId)).ToDictionaryAsync(c => c.TrialId, c => c.Usd, ct);
}

/// <summary>The dollars charged to one trial.</summary>
internal sealed class TrialCost
{
    public long TrialId { get; init; }
    public decimal Usd { get; init; }
}
