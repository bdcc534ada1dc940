using Tuner.Search.Pruners;
using Tuner.Search.Pruners.Hyperband;
using Tuner.Search.Pruners.SuccessiveHalving;

namespace Tuner.Search.Tests.Pruners.Hyperband;

/// <summary>Hyperband after optuna/pruners/_hyperband.py: bracket count, Optuna's bracket assignment, bracket isolation.</summary>
public class HyperbandPrunerTests
{
    [Theory]
    [InlineData(1, 16, 3, 3)]
    [InlineData(1, 27, 3, 4)]
    [InlineData(1, 1000, 10, 4)]
    [InlineData(1, 100, 3, 5)]
    [InlineData(4, 4, 2, 1)]
    public void BracketCount_IsFloorOfLogOfMaxOverMin_PlusOne(int min, int max, int factor, int expected)
    {
        Assert.Equal(expected, new HyperbandPruner(max, min, factor).BracketCount);
    }

    [Fact]
    public void BracketOf_MatchesOptuna_ForTheSameStudyName()
    {
        // Computed with Optuna's formula: binascii.crc32(f"{study_name}_{number}") over shares [9, 5, 3] and [81, 34, 15, 8, 5].
        int[] unnamed = [2, 0, 1, 1, 0, 2, 2, 0, 0, 0, 1, 0, 0, 2, 1, 1, 0, 0, 0, 1];
        int[] mnist = [0, 2, 2, 0, 0, 1, 2, 2, 1, 0, 0, 1, 2, 0, 0, 2, 0, 1, 1, 2];
        int[] fiveBrackets = [2, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 1, 3, 3, 0, 1, 0, 4, 4, 0];

        Assert.Equal(unnamed, Enumerable.Range(0, 20).Select(new HyperbandPruner(16).BracketOf));
        Assert.Equal(mnist, Enumerable.Range(0, 20).Select(new HyperbandPruner(16, studyName: "mnist").BracketOf));
        Assert.Equal(fiveBrackets, Enumerable.Range(0, 20).Select(new HyperbandPruner(81).BracketOf));
    }

    [Fact]
    public void Crc32_MatchesPythonsBinascii()
    {
        Assert.Equal(1512268744u, Crc32.Of("_0"));
        Assert.Equal(907060870u, Crc32.Of("hello"));
    }

    [Fact]
    public void ShouldPrune_ComparesATrialOnlyWithTrialsOfItsBracket()
    {
        var pruner = new HyperbandPruner(16);
        // Bracket 0 holds trials 1, 4, 7; bracket 1 holds trials 2, 3 (see BracketOf_MatchesOptuna_ForTheSameStudyName).
        var otherBracketStar = Trials.Complete(2, (1, 0.0), (3, 0.0), (9, 0.0));
        var sameBracket = Trials.Complete(1, (1, 1.0), (3, 1.0), (9, 1.0));

        Assert.False(Decide(pruner, Trials.Running(4, (1, 0.5)), otherBracketStar));
        Assert.True(Decide(pruner, Trials.Running(4, (1, 1.5)), otherBracketStar, sameBracket));
    }

    [Fact]
    public void ShouldPrune_StartsBracketB_AtMinResourceTimesFactorToTheB()
    {
        var pruner = new HyperbandPruner(16);
        var leader = Trials.Complete(2, (1, 0.0), (3, 0.0), (9, 0.0));

        Assert.False(Decide(pruner, Trials.Running(3, (0, 1.0), (1, 1.0)), leader));
        Assert.False(Decide(pruner, Trials.Running(3, (0, 1.0), (1, 1.0), (2, 1.0)), leader));
        Assert.True(Decide(pruner, Trials.Running(3, (0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0)), leader));
    }

    [Fact]
    public void ShouldPrune_AgreesWithTheBracketsSuccessiveHalving_OnAStudyHistory()
    {
        var pruner = new HyperbandPruner(27, 1, 3);
        var history = Enumerable.Range(0, 40)
            .Select(n => Trials.Make(n, n < 30 ? TrialState.Complete : TrialState.Running, [.. Enumerable.Range(0, 1 + (n * 7 % 27)).Select(s => (s, ((n * 13) % 17) / 17.0))]))
            .ToList();
        foreach (var trial in history.Where(t => t.State == TrialState.Running))
        {
            var bracket = pruner.BracketOf(trial.Number);
            var expected = new SuccessiveHalvingPruner(1, 3, bracket).ShouldPrune(
                new PruningContext(StudyDirection.Minimize, history.Where(t => pruner.BracketOf(t.Number) == bracket).ToList(), trial));
            Assert.Equal(expected, Decide(pruner, trial, [.. history.Where(t => t.Number != trial.Number)]));
        }
    }

    [Fact]
    public void Constructor_RejectsBadSettings_NamingValueAndRule()
    {
        Assert.Contains("minResource must be at least 1, but got minResource=0", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(10, 0)).Message);
        Assert.Contains("maxResource must be at least minResource, but got maxResource=2, minResource=3", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(2, 3)).Message);
        Assert.Contains("reductionFactor must be at least 2, but got reductionFactor=1", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(10, 1, 1)).Message);
        Assert.Contains("bootstrapCount must not be negative, but got bootstrapCount=-2", Assert.Throws<ArgumentOutOfRangeException>(() => new HyperbandPruner(10, 1, 3, -2)).Message);
    }

    private static bool Decide(IPruner pruner, FrozenTrial trial, params FrozenTrial[] others) =>
        pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [.. others, trial], trial));
}
