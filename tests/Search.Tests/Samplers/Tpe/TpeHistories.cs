using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Samplers.Tpe;

/// <summary>Runs ask/tell loops on a real <see cref="Study"/> to produce histories and best values.</summary>
internal static class TpeHistories
{
    /// <summary>
    /// Runs <paramref name="trials"/> trials; every 7th is pruned after reporting two steps, every 11th fails, and the
    /// last <paramref name="pending"/> asks stay Running. Returns the study.
    /// </summary>
    public static Study Run(ISampler sampler, SearchSpace space, Func<IReadOnlyDictionary<string, object>, double> objective, int trials, int pending = 0)
    {
        var study = new Study(space, StudyDirection.Minimize, sampler, new NopPruner());
        for (var i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            if (i >= trials - pending)
            {
                continue;
            }

            var value = objective(trial.Params);
            if (i % 7 == 6)
            {
                trial.Report(0, value * 2);
                trial.Report(1, value * 1.5);
                study.Tell(trial.Number, TrialState.Pruned);
            }
            else if (i % 11 == 10)
            {
                study.Tell(trial.Number, TrialState.Failed);
            }
            else
            {
                study.Tell(trial.Number, TrialState.Complete, value);
            }
        }

        return study;
    }

    /// <summary>The best Complete value after <paramref name="trials"/> plain ask/tell trials.</summary>
    public static double Best(ISampler sampler, SearchSpace space, Func<IReadOnlyDictionary<string, object>, double> objective, int trials)
    {
        var study = new Study(space, StudyDirection.Minimize, sampler, new NopPruner());
        for (var i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            study.Tell(trial.Number, TrialState.Complete, objective(trial.Params));
        }

        return study.BestTrial!.Value!.Value;
    }

    public static FrozenTrial Trial(int number, TrialState state, double? value, params (string Name, object Value)[] parameters) =>
        new(number, state, parameters.ToDictionary(p => p.Name, p => p.Value), new Dictionary<int, double>(), value);
}
