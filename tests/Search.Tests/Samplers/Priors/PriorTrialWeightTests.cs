using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Gp;
using Tuner.Search.Samplers.Tpe;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Priors;

/// <summary>
/// An earlier sweep's trials as a prior (<see cref="FrozenTrial.Weight"/>): at weight 1 they are exactly trials of the
/// sweep, and a small weight takes their pull away. The prior here is 20 trials of (x − 0.8)², so a sampler that
/// learns from it suggests points near 0.8 before the sweep has a trial of its own.
/// </summary>
public sealed class PriorTrialWeightTests
{
    private static readonly SearchSpace Line = SearchSpace.Create([new("x", new FloatDistribution(0, 1))]);

    private static List<FrozenTrial> Prior(double weight) =>
    [
        .. Enumerable.Range(0, 20).Select(i =>
        {
            var x = (i + 0.5) / 20;
            return new FrozenTrial(-20 + i, TrialState.Complete, new Dictionary<string, object> { ["x"] = x }, new Dictionary<int, double>(), (x - 0.8) * (x - 0.8))
            {
                Weight = weight,
            };
        }),
    ];

    public static TheoryData<string> Samplers => ["tpe", "gp"];

    private static ISampler Create(string kind) => kind == "tpe"
        ? new TpeSampler(seed: 11, new TpeOptions(StartupTrials: 10))
        : new GpSampler(seed: 11, new GpOptions(StartupTrials: 10));

    [Theory]
    [MemberData(nameof(Samplers))]
    public void AtWeightOne_PriorTrialsAreExactlyTheSweepsOwn(string kind)
    {
        var sampler = Create(kind);
        var prior = Prior(1.0);
        var own = prior.Select(t => t with { }).ToList();

        for (var number = 0; number < 5; number++)
        {
            Assert.Equal(
                sampler.Sample(new SamplingContext(Line, StudyDirection.Minimize, own, number))["x"],
                sampler.Sample(new SamplingContext(Line, StudyDirection.Minimize, prior, number))["x"]);
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void APriorsWeight_SetsHowMuchItCountsAgainstTheSweepsOwnTrials(string kind)
    {
        // Tonight's data moved the optimum to 0.2: the sweep's own ten trials say so, the prior (last night) says 0.8.
        var sampler = Create(kind);
        List<FrozenTrial> own =
        [
            .. Enumerable.Range(0, 10).Select(i =>
            {
                var x = (i + 0.5) / 10;
                return new FrozenTrial(i, TrialState.Complete, new Dictionary<string, object> { ["x"] = x }, new Dictionary<int, double>(), (x - 0.2) * (x - 0.2));
            }),
        ];

        double MeanDistanceFromTonightsOptimum(double weight) => Enumerable.Range(10, 20)
            .Select(number => Math.Abs((double)sampler.Sample(new SamplingContext(Line, StudyDirection.Minimize, [.. Prior(weight), .. own], number))["x"] - 0.2))
            .Average();

        var full = MeanDistanceFromTonightsOptimum(1.0);
        var faint = MeanDistanceFromTonightsOptimum(1e-4);

        Assert.True(faint < 0.1, $"with the prior at weight 1e-4 the suggestions average {faint:F3} from tonight's optimum 0.2");
        Assert.True(full > 2 * faint, $"at weight 1 the prior pulls them away: {full:F3} from 0.2, against {faint:F3}");
    }
}
