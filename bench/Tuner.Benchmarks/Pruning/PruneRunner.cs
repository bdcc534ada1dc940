using Tuner.Benchmarks.Samplers;
using Tuner.Search;
using Tuner.Search.Pruners;
using Tuner.Search.Studies;

namespace Tuner.Benchmarks.Pruning;

/// <summary>
/// Runs one seed of the prune command: <c>trials</c> random configurations (the catalogue's "random" sampler with
/// the seed) trained one after another on <see cref="LearningCurve"/>. After each step below the last, the trial
/// reports its loss and asks the pruner; a pruned trial stops there. A trial that reaches the last step completes
/// with its final loss. The run without pruning trains the same configurations on the same noisy curves to the end.
/// </summary>
public static class PruneRunner
{
    public static PruneResult Run(string prunerLabel, IPruner pruner, int trials, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var study = new Study(LearningCurve.Space, StudyDirection.Minimize, SamplerFactory.Create("random", seed), pruner);
        long stepsUsed = 0;
        for (var i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            stepsUsed += Train(study, trial, seed);
        }

        var finished = study.Trials;
        var bestWithout = finished.Min(t => LearningCurve.Observed(t.Params, seed, t.Number, LearningCurve.MaxSteps));
        var bestWith = study.BestTrial?.Value ?? double.PositiveInfinity;
        return new PruneResult(prunerLabel, stepsUsed, (long)trials * LearningCurve.MaxSteps, bestWith - bestWithout);
    }

    /// <returns>The number of steps the trial trained.</returns>
    private static int Train(Study study, TrialHandle trial, int seed)
    {
        for (var step = 1; step <= LearningCurve.MaxSteps; step++)
        {
            var loss = LearningCurve.Observed(trial.Params, seed, trial.Number, step);
            trial.Report(step, loss);
            if (step == LearningCurve.MaxSteps)
            {
                study.Tell(trial.Number, TrialState.Complete, loss);
                return step;
            }

            if (trial.ShouldPrune())
            {
                study.Tell(trial.Number, TrialState.Pruned);
                return step;
            }
        }

        throw new InvalidOperationException("a trial ended without completing or being pruned");
    }
}
