using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Pruners.SuccessiveHalving;

/// <summary>A real study over an empty space: each call starts a trial, reports one step, and tells Pruned when pruned.</summary>
internal sealed class RungStudy(IPruner pruner, StudyDirection direction = StudyDirection.Minimize)
{
    private readonly Study study = new(SearchSpace.Create([]), direction, new RandomSampler(0), pruner);

    public Study Study => study;

    public bool ReportAt(int step, double value)
    {
        var trial = study.Ask();
        trial.Report(step, value);
        var prune = trial.ShouldPrune();
        if (prune)
        {
            study.Tell(trial.Number, TrialState.Pruned);
        }

        return prune;
    }
}
