using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Studies;

public class StudyLoopTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new("x", new FloatDistribution(-10, 10)),
        new("shift", new CategoricalDistribution([0L, 1L])),
    ]);

    [Fact]
    public void AskTellLoop_FindsTheMinimumOfAParabola()
    {
        var study = new Study(Space, StudyDirection.Minimize, new RandomSampler(11), new NopPruner());

        for (var i = 0; i < 200; i++)
        {
            var trial = study.Ask();
            var x = (double)trial.Params["x"] + (long)trial.Params["shift"];
            study.Tell(trial.Number, TrialState.Complete, (x - 2) * (x - 2));
        }

        var best = study.BestTrial;
        Assert.NotNull(best);
        Assert.InRange(best.Value!.Value, 0, 0.1);
        Assert.Equal(best.Value, study.Trials.Where(t => t.State == TrialState.Complete).Min(t => t.Value));
        Assert.Equal(Enumerable.Range(0, 200), study.Trials.Select(t => t.Number));
    }

    [Fact]
    public void AskTellLoop_PrunesLosingTrials_WithMedianPruner()
    {
        var study = new Study(Space, StudyDirection.Minimize, new RandomSampler(5), new MedianPruner(startupTrials: 3, warmupSteps: 1));

        for (var i = 0; i < 30; i++)
        {
            var trial = study.Ask();
            var loss = Math.Abs((double)trial.Params["x"]);
            var pruned = false;
            for (var step = 0; step < 5 && !pruned; step++)
            {
                trial.Report(step, loss / (step + 1));
                pruned = trial.ShouldPrune();
            }

            study.Tell(trial.Number, pruned ? TrialState.Pruned : TrialState.Complete, pruned ? null : loss / 5);
        }

        var prunedTrials = study.Trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.NotEmpty(prunedTrials);
        Assert.All(prunedTrials, t => Assert.True(t.LastStep >= 1, "no trial is pruned during warm-up"));
        Assert.All(prunedTrials, t => Assert.Equal(t.LastIntermediateValue, t.Value));
        Assert.All(study.Trials.Take(3), t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(TrialState.Complete, study.BestTrial!.State);
    }
}
