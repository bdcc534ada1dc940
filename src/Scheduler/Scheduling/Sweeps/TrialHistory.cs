using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Search;
using Tuner.Search.Spaces;

namespace Tuner.Scheduling.Sweeps;

/// <summary>
/// A sweep's trials as the search library sees them: frozen snapshots with their reported values. Epochs are stored
/// 1-based; the search library counts steps from 0 as Optuna does, so epoch k is step k-1 there, and `warmup_steps: N`
/// means "never pruned during the first N epochs".
/// </summary>
public static class TrialHistory
{
    public static async Task<IReadOnlyList<FrozenTrial>> LoadAsync(
        TunerDbContext db, long sweepId, SearchSpace space, CancellationToken ct)
    {
        var trials = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweepId)
            .OrderBy(t => t.Number)
            .Select(t => new { t.Id, t.Number, t.Status, t.ParamsJson, t.Value })
            .ToListAsync(ct);
        var reports = await db.TrialReports.AsNoTracking()
            .Where(r => db.Trials.Any(t => t.Id == r.TrialId && t.SweepId == sweepId))
            .Select(r => new { r.TrialId, r.Epoch, r.Value })
            .ToListAsync(ct);
        var valuesByTrial = reports
            .GroupBy(r => r.TrialId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, double>)g.ToDictionary(r => r.Epoch - 1, r => r.Value));

        return trials
            .Select(t => new FrozenTrial(
                t.Number,
                ToSearchState(t.Status),
                ParamsJson.Deserialize(t.ParamsJson, space),
                valuesByTrial.GetValueOrDefault(t.Id) ?? new Dictionary<int, double>(),
                t.Status == TrialStatus.Complete ? t.Value : null))
            .ToList();
    }

    public static TrialState ToSearchState(TrialStatus status) => status switch
    {
        TrialStatus.Waiting => TrialState.Waiting,
        TrialStatus.Running => TrialState.Running,
        TrialStatus.Complete => TrialState.Complete,
        TrialStatus.Pruned => TrialState.Pruned,
        _ => TrialState.Failed,
    };
}
