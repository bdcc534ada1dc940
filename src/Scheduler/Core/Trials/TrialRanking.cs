using Tuner.Core.Model;
using Tuner.Search;

namespace Tuner.Core.Trials;

/// <summary>A sweep's best trials: complete ones with a value, best first by the objective's direction, the lower
/// trial number first on a tie.</summary>
public static class TrialRanking
{
    public static List<Trial> BestFirst(IEnumerable<Trial> trials, StudyDirection direction) =>
        trials.Where(t => t.Status == TrialStatus.Complete && t.Value is not null)
            .BestFirst(direction, t => t.Value, t => t.Number).ToList();
}
