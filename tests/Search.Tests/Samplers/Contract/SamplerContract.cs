using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>
/// What every sampler in <see cref="SamplerCatalog"/> promises, checked against each kind: one small derived class per
/// kind names it. The space has a log-scale int, stepped floats, choices and a two-level condition, and is finite, so
/// the grid sampler takes it too; the history runs past every model sampler's startup trials and ends with trials
/// still running. What only one sampler does is tested beside that sampler.
/// </summary>
public abstract class SamplerContract
{
    private const int CompleteTrials = 16;
    private const int PendingTrials = 2;
    private const int Seed = 42;

    /// <summary>units 1..1024 (log); dropout 0..0.5 by 0.05; optimizer adam|sgd; momentum and schedule only for sgd;
    /// step_size only for the step schedule.</summary>
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new("units", new IntDistribution(1, 1024, Log: true)),
        new("dropout", new FloatDistribution(0, 0.5, Step: 0.05)),
        new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new("momentum", new FloatDistribution(0.5, 0.95, Step: 0.05), new("optimizer", ["sgd"])),
        new("schedule", new CategoricalDistribution(["constant", "step"]), new("optimizer", ["sgd"])),
        new("step_size", new IntDistribution(1, 10), new("schedule", ["step"])),
    ]);

    /// <summary>The <see cref="SamplerCatalog"/> kind under test.</summary>
    public abstract string Kind { get; }

    private int NextNumber => CompleteTrials + PendingTrials;

    [Fact]
    public void Sample_ReturnsSameParams_WhenSeedAndHistoryMatch()
    {
        var history = History();

        var first = Sampler(Seed).Sample(Context(history, NextNumber));
        var second = Sampler(Seed).Sample(Context(history.ToList(), NextNumber));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sample_ReturnsSameParamsTwice_WhenNoSeedIsGiven()
    {
        var sampler = SamplerCatalog.Create(Kind, seed: null);
        var context = Context(History(), NextNumber);

        Assert.Equal(sampler.Sample(context), sampler.Sample(context));
    }

    [Fact]
    public void Sample_StaysInsideBoundsStepsAndChoices_OnTheLogScaleToo()
    {
        foreach (var sample in Samples())
        {
            Assert.Empty(Space.CheckAssignment(sample));
            Assert.InRange((long)sample["units"], 1, 1024);
            var dropout = (double)sample["dropout"];
            Assert.InRange(dropout, 0, 0.5);
            Assert.Equal(Math.Round(dropout / 0.05), dropout / 0.05, precision: 9);
            Assert.Contains((string)sample["optimizer"], new[] { "adam", "sgd" });
        }
    }

    [Fact]
    public void Sample_IncludesConditionalParameters_ExactlyWhenActive()
    {
        foreach (var sample in Samples())
        {
            var sgd = (string)sample["optimizer"] == "sgd";
            Assert.Equal(sgd, sample.ContainsKey("momentum"));
            Assert.Equal(sgd, sample.ContainsKey("schedule"));
            Assert.Equal(sgd && (string)sample["schedule"] == "step", sample.ContainsKey("step_size"));
        }
    }

    [Fact]
    public void Sample_DoesNotRepeatARunningTrial_WhenAskedForTheNextTrial()
    {
        var history = History();
        var running = new FrozenTrial(NextNumber, TrialState.Running, Sampler(Seed).Sample(Context(history, NextNumber)),
            new Dictionary<int, double>(), null);

        var next = Sampler(Seed).Sample(Context([.. history, running], NextNumber + 1));

        Assert.NotEqual(running.Params, next);
        Assert.All(history.Where(t => t.State == TrialState.Running), pending => Assert.NotEqual(pending.Params, next));
    }

    private ISampler Sampler(int? seed) => SamplerCatalog.Create(Kind, seed);

    private static SamplingContext Context(IReadOnlyList<FrozenTrial> history, int number) =>
        new(Space, StudyDirection.Minimize, history, number);

    /// <summary>Asks for the next ten trial numbers on the same history.</summary>
    private List<IReadOnlyDictionary<string, object>> Samples()
    {
        var sampler = Sampler(Seed);
        var history = History();
        return Enumerable.Range(NextNumber, 10).Select(n => sampler.Sample(Context(history, n))).ToList();
    }

    /// <summary>An ask/tell loop on this sampler: <see cref="CompleteTrials"/> trials told Complete, then
    /// <see cref="PendingTrials"/> asked and left Running.</summary>
    private IReadOnlyList<FrozenTrial> History()
    {
        var study = new Study(Space, StudyDirection.Minimize, Sampler(Seed), new NopPruner());
        for (var i = 0; i < CompleteTrials + PendingTrials; i++)
        {
            var trial = study.Ask();
            if (i < CompleteTrials)
            {
                study.Tell(trial.Number, TrialState.Complete, Objective(trial.Params));
            }
        }

        return study.Trials;
    }

    private static double Objective(IReadOnlyDictionary<string, object> p) =>
        Math.Abs(Math.Log2((long)p["units"]) - 6) + (double)p["dropout"] + ((string)p["optimizer"] == "sgd" ? (double)p["momentum"] : 0.7);
}
