using Tuner.Search.Pruners.SuccessiveHalving;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Pruners.SuccessiveHalving;

/// <summary>ASHA inside a real study with parallel trials that start at different times and report in interleaved order.</summary>
public class SuccessiveHalvingStudyTests
{
    [Fact]
    public void InterleavedTrials_ArePrunedOnlyAtRungSteps_AndTheBestCurveIsNeverPruned()
    {
        const int steps = 20;
        var space = SearchSpace.Create([new("quality", new FloatDistribution(0, 1))]);
        var study = new Study(space, StudyDirection.Minimize, new RandomSampler(4), new SuccessiveHalvingPruner(1, 4));
        var running = new List<(TrialHandle Trial, int Step)>();
        var prunedAt = new Dictionary<int, int>();
        var quality = new Dictionary<int, double>();

        for (var tick = 0; tick < 400 && (running.Count > 0 || tick == 0); tick++)
        {
            if (tick % 3 == 0 && study.Trials.Count < 24)
            {
                var trial = study.Ask();
                quality[trial.Number] = (double)trial.Params["quality"];
                running.Add((trial, 0));
            }

            // Trials advance at different speeds: the slot advanced this tick rotates, and later trials run faster.
            foreach (var index in Enumerable.Range(0, running.Count).Where(i => (tick + i) % 2 == 0).Reverse())
            {
                var (trial, step) = running[index];
                trial.Report(step, quality[trial.Number] + 1.0 / (step + 1));
                if (trial.ShouldPrune())
                {
                    study.Tell(trial.Number, TrialState.Pruned);
                    prunedAt[trial.Number] = step;
                    running.RemoveAt(index);
                }
                else if (step == steps - 1)
                {
                    study.Tell(trial.Number, TrialState.Complete, quality[trial.Number]);
                    running.RemoveAt(index);
                }
                else
                {
                    running[index] = (trial, step + 1);
                }
            }
        }

        Assert.Equal(24, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.True(t.IsFinished));
        Assert.NotEmpty(prunedAt);
        Assert.All(prunedAt.Values, step => Assert.Contains(step, new[] { 1, 4, 16 }));
        var best = quality.MinBy(p => p.Value).Key;
        Assert.DoesNotContain(best, prunedAt.Keys);
    }
}
