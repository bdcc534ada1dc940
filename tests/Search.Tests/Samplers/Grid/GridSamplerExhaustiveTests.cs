using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Grid;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Samplers.Grid;

public class GridSamplerExhaustiveTests
{
    private static List<IReadOnlyDictionary<string, object>> RunStudy(SearchSpace space, ISampler sampler, int trials, bool tell = true)
    {
        var study = new Study(space, StudyDirection.Minimize, sampler, new NopPruner());
        var suggestions = new List<IReadOnlyDictionary<string, object>>();
        for (var i = 0; i < trials; i++)
        {
            var trial = study.Ask();
            suggestions.Add(trial.Params);
            if (tell)
            {
                study.Tell(trial.Number, TrialState.Complete, 1.0);
            }
        }

        return suggestions;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sample_VisitsEveryCombinationExactlyOnce_BeforeRepeating_ForAFlatSpace(bool tell)
    {
        var space = GridSpaces.Flat;
        Assert.Equal(60, GridSampler.GridSize(space));

        var suggestions = RunStudy(space, new GridSampler(5), 61, tell);
        var firstPass = suggestions.Take(60).Select(GridSpaces.Key).ToList();

        Assert.Equal(60, firstPass.Distinct().Count());
        Assert.True(GridSpaces.BruteForce(space).SetEquals(firstPass));
        Assert.Contains(GridSpaces.Key(suggestions[60]), firstPass);
    }

    [Fact]
    public void Sample_VisitsOnlyValidCombinations_EachOnce_ForAConditionalSpace()
    {
        var space = GridSpaces.Conditional;
        var expected = GridSpaces.BruteForce(space);
        Assert.Equal(130, expected.Count);
        Assert.Equal(130, GridSampler.GridSize(space));

        var suggestions = RunStudy(space, new GridSampler(11), 130);

        Assert.All(suggestions, s => Assert.Empty(space.CheckAssignment(s)));
        Assert.True(expected.SetEquals(suggestions.Select(GridSpaces.Key)));
        Assert.Equal(130, suggestions.Select(GridSpaces.Key).Distinct().Count());
    }

    [Fact]
    public void Sample_SkipsCombinationsOfPendingAndForeignTrials_AndIgnoresParametersOffTheGrid()
    {
        var space = SearchSpace.Create([new("x", new IntDistribution(0, 2))]);
        FrozenTrial Trial(int number, TrialState state, object x) => new(number, state, new Dictionary<string, object> { ["x"] = x }, new Dictionary<int, double>(), null);
        var history = new List<FrozenTrial> { Trial(0, TrialState.Running, 1L), Trial(1, TrialState.Failed, 2.0), Trial(2, TrialState.Complete, 7L) };

        var suggestion = new GridSampler(1).Sample(new SamplingContext(space, StudyDirection.Minimize, history, 3));

        Assert.Equal(0L, suggestion["x"]);
    }

    [Fact]
    public void Sample_GivesTheSameSuggestion_ForTheSameSeedAndHistory_AndAnotherOrderForAnotherSeed()
    {
        var first = RunStudy(GridSpaces.Flat, new GridSampler(42), 20).Select(GridSpaces.Key).ToList();
        var again = RunStudy(GridSpaces.Flat, new GridSampler(42), 20).Select(GridSpaces.Key).ToList();
        var other = RunStudy(GridSpaces.Flat, new GridSampler(43), 20).Select(GridSpaces.Key).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Sample_HandlesHugeGrids_WithoutListingThem()
    {
        var space = SearchSpace.Create(
        [
            new("seed", new IntDistribution(0, 999_999)),
            new("width", new IntDistribution(1, 1 << 20, Log: true)),
            new("rate", new FloatDistribution(0, 1, Step: 1e-6)),
        ]);
        Assert.Equal(1_000_000L * (1 << 20) * 1_000_001, GridSampler.GridSize(space));

        var suggestions = RunStudy(space, new GridSampler(3), 50);

        Assert.All(suggestions, s => Assert.Empty(space.CheckAssignment(s)));
        Assert.Equal(50, suggestions.Select(GridSpaces.Key).Distinct().Count());
    }
}
