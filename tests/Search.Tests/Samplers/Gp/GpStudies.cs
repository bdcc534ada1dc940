using Tuner.Search.Pruners;
using Tuner.Search.Samplers.Gp;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Samplers.Gp;

/// <summary>Runs small studies with a GP sampler, and settings that keep them fast.</summary>
internal static class GpStudies
{
    public static readonly GpOptions Fast = new(StartupTrials: 5, PreliminarySamples: 128, LocalSearches: 3, FitIterations: 20);

    public static Study Run(SearchSpace space, GpSampler sampler, int trials, Func<IReadOnlyDictionary<string, object>, double> objective)
    {
        var study = new Study(space, StudyDirection.Minimize, sampler, new NopPruner());
        for (var i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            study.Tell(trial.Number, TrialState.Complete, objective(trial.Params));
        }

        return study;
    }

    public static double Branin(double x1, double x2) =>
        Math.Pow(x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.Cos(x1) + 10;

    public static FrozenTrial Complete(int number, double value, params (string Name, object Value)[] parameters) =>
        new(number, TrialState.Complete, parameters.ToDictionary(p => p.Name, p => p.Value), new Dictionary<int, double>(), value);
}
