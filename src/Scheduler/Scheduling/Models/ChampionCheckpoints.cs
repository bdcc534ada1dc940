using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Models;

/// <summary>Which checkpoint a trial serves a model with (the one it keeps), and checkpoint retention's one exception:
/// a model's champion and previous champion keep their checkpoints, whatever their sweep's retention (keep_best, a
/// continued sweep's better trials) would delete.</summary>
public static class ChampionCheckpoints
{
    /// <summary>Takes the checkpoints a model serves, or could roll back to, out of <paramref name="doomed"/> (before they
    /// are marked Deleting) and returns the rest.</summary>
    public static async Task<List<Checkpoint>> SpareAsync(TunerDbContext db, List<Checkpoint> doomed, CancellationToken ct)
    {
        if (doomed.Count == 0) return doomed;
        var ids = doomed.Select(c => c.Id).ToList();
        var served = await db.Models.AsNoTracking()
            .Where(m => (m.ChampionCheckpointId != null && ids.Contains(m.ChampionCheckpointId.Value))
                || (m.PreviousCheckpointId != null && ids.Contains(m.PreviousCheckpointId.Value)))
            .Select(m => new { m.ChampionCheckpointId, m.PreviousCheckpointId })
            .ToListAsync(ct);
        if (served.Count == 0) return doomed;
        var kept = served.SelectMany(m => new[] { m.ChampionCheckpointId, m.PreviousCheckpointId }).OfType<long>().ToHashSet();
        return doomed.Where(c => !kept.Contains(c.Id)).ToList();
    }

    /// <summary>The checkpoint a complete trial keeps (its best epoch's, by the retention rule), newest first if several.</summary>
    public static Task<Checkpoint?> KeptAsync(TunerDbContext db, long trialId, CancellationToken ct) =>
        db.Checkpoints.AsNoTracking().Where(c => c.TrialId == trialId && c.State == CheckpointState.Live)
            .OrderByDescending(c => c.Batch == 0).ThenByDescending(c => c.Epoch).ThenByDescending(c => c.Batch).FirstOrDefaultAsync(ct);
}
