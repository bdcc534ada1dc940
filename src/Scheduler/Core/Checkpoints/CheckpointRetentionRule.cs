using Tuner.Core.Model;
using Tuner.Search;

namespace Tuner.Core.Checkpoints;

/// <summary>
/// Which of a trial's live checkpoints it keeps. Live trials (Waiting, Running) keep their latest checkpoint (to resume)
/// and their best one so far; complete trials keep only their best (the orchestrator keeps that only for the sweep's
/// `keep_best` best trials); pruned, failed and cancelled trials keep nothing.
/// </summary>
public static class CheckpointRetentionRule
{
    /// <summary>Whether a trial in <paramref name="status"/> keeps its best checkpoint (so the caller needs its values).</summary>
    public static bool KeepsBest(TrialStatus status) => status is TrialStatus.Running or TrialStatus.Waiting or TrialStatus.Complete;

    /// <summary>The checkpoints to delete out of <paramref name="live"/>.</summary>
    /// <param name="epochValues">The objective value the trial reported at the end of each epoch.</param>
    public static List<Checkpoint> Doomed(
        TrialStatus status, IReadOnlyList<Checkpoint> live, IReadOnlyDictionary<int, double> epochValues, StudyDirection direction)
    {
        var keep = new HashSet<Checkpoint>(ReferenceEqualityComparer.Instance);
        if (status is TrialStatus.Running or TrialStatus.Waiting && live.MaxBy(c => (c.Epoch, c.Batch)) is { } latest)
        {
            keep.Add(latest);
        }

        if (KeepsBest(status) && Best(live, epochValues, direction) is { } best)
        {
            keep.Add(best);
        }

        return live.Where(c => !keep.Contains(c)).ToList();
    }

    /// <summary>The epoch-boundary checkpoint whose epoch reported the best objective value (the earliest on a tie).</summary>
    public static Checkpoint? Best(IReadOnlyList<Checkpoint> candidates, IReadOnlyDictionary<int, double> epochValues, StudyDirection direction)
    {
        Checkpoint? best = null;
        double? bestValue = null;
        foreach (var checkpoint in candidates.Where(c => c.Batch == 0).OrderBy(c => c.Epoch))
        {
            if (epochValues.TryGetValue(checkpoint.Epoch, out var value) && direction.IsBetter(value, bestValue))
            {
                best = checkpoint;
                bestValue = value;
            }
        }

        return best;
    }
}
