using Tuner.Search.Pruners;
using Tuner.Search.Pruners.SuccessiveHalving;

namespace Tuner.Search.Tests.Pruners.SuccessiveHalving;

/// <summary>The cases of Optuna's tests/pruners_tests/test_successive_halving.py, observed through pruning decisions.</summary>
public class SuccessiveHalvingPrunerTests
{
    private static bool Prune(IPruner pruner, FrozenTrial trial, StudyDirection direction, params FrozenTrial[] others) =>
        pruner.ShouldPrune(new PruningContext(direction, [.. others, trial], trial));

    [Theory]
    [InlineData(StudyDirection.Minimize, 2.0)]
    [InlineData(StudyDirection.Maximize, 0.5)]
    public void ShouldPrune_IsTrue_WhenWorseAtTheFirstRung_AndNeverForTheFirstTrial(StudyDirection direction, double value)
    {
        var pruner = new SuccessiveHalvingPruner(1, 2, 0);
        var first = Trials.Running(0, (1, 1));

        Assert.False(Prune(pruner, first, direction));
        Assert.False(Prune(pruner, Trials.Running(1), direction, first));
        Assert.True(Prune(pruner, Trials.Running(1, (1, value)), direction, first));
    }

    [Fact]
    public void ShouldPrune_FollowsOptunasRungCheck_WhenTrialsJumpToStepSeven()
    {
        // Optuna's test_successive_halving_pruner_rung_check: rungs complete at steps 1, 2, 4 (min 1, factor 2).
        var study = new RungStudy(new SuccessiveHalvingPruner(1, 2, 0));
        Assert.False(study.ReportAt(7, 0.1));
        for (var i = 2; i <= 7; i++)
        {
            Assert.True(study.ReportAt(7, 0.1 * i));
        }

        Assert.True(study.ReportAt(7, 0.75));  // 7th from the bottom: pruned at rung 0.
        Assert.True(study.ReportAt(7, 0.25));  // 3rd from the bottom: promoted at rung 0, pruned at rung 1 against 0.1.
        Assert.False(study.ReportAt(7, 0.05)); // the lowest: promoted through rungs 0, 1 and 2.
    }

    [Fact]
    public void ShouldPrune_IsFalse_ForTheFirstTrial_AtEveryStep()
    {
        var pruner = new SuccessiveHalvingPruner(1, 2, 0);
        var values = new List<(int, double)>();
        for (var step = 0; step < 10; step++)
        {
            values.Add((step, 1));
            Assert.False(Prune(pruner, Trials.Running(0, [.. values]), StudyDirection.Minimize));
        }
    }

    [Fact]
    public void ShouldPrune_PrunesNaN_OnlyAtARungStep()
    {
        var pruner = new SuccessiveHalvingPruner(2, 2, 0);

        Assert.False(Prune(pruner, Trials.Running(0, (1, double.NaN)), StudyDirection.Minimize));
        Assert.True(Prune(pruner, Trials.Running(0, (1, double.NaN), (2, double.NaN)), StudyDirection.Minimize));
    }

    [Theory]
    [InlineData(1, 2, 0, 1)]
    [InlineData(2, 2, 0, 2)]
    [InlineData(1, 2, 1, 2)]
    [InlineData(1, 3, 1, 3)]
    [InlineData(3, 4, 1, 12)]
    public void ShouldPrune_JudgesTheFirstRung_AtMinResourceTimesFactorToTheRate(int minResource, int factor, int rate, int rungStep)
    {
        var pruner = new SuccessiveHalvingPruner(minResource, factor, rate);
        var leader = Trials.Complete(0, [.. Enumerable.Range(0, 20).Select(s => (s, 1.0))]);
        var values = new List<(int, double)>();
        for (var step = 0; step <= rungStep; step++)
        {
            values.Add((step, 5.0));
            Assert.Equal(step == rungStep, Prune(pruner, Trials.Running(1, [.. values]), StudyDirection.Minimize, leader));
        }
    }

    [Fact]
    public void ShouldPrune_JudgesRungOne_AtStepThree_ForFactorThree()
    {
        var pruner = new SuccessiveHalvingPruner(1, 3, 0);
        var leader = Trials.Complete(0, (1, 1), (2, 1), (3, 1));

        Assert.False(Prune(pruner, Trials.Running(1, (1, 1)), StudyDirection.Minimize, leader));
        Assert.False(Prune(pruner, Trials.Running(1, (1, 1), (2, 5)), StudyDirection.Minimize, leader));
        Assert.True(Prune(pruner, Trials.Running(1, (1, 1), (2, 5), (3, 5)), StudyDirection.Minimize, leader));
    }

    [Fact]
    public void ShouldPrune_WaitsForBootstrapCount_BeforePromoting()
    {
        var pruner = new SuccessiveHalvingPruner(1, 2, bootstrapCount: 1);
        var first = Trials.Running(0, (1, 1));

        Assert.True(Prune(pruner, first, StudyDirection.Minimize));
        Assert.False(Prune(pruner, Trials.Running(1, (1, 1)), StudyDirection.Minimize, first));
    }

    [Fact]
    public void ShouldPrune_WithAutoMinResource_WaitsForACompleteTrial_ThenUsesItsLastStepOver100()
    {
        var pruner = new SuccessiveHalvingPruner(null, 2);
        var running = Trials.Running(0, (0, 1), (1, 1), (2, 1));
        var bad = Trials.Running(1, (0, 9), (1, 9));
        Assert.False(Prune(pruner, bad, StudyDirection.Minimize, running));

        var complete = Trials.Complete(2, [.. Enumerable.Range(0, 200).Select(s => (s, 1.0))]);
        Assert.True(Prune(pruner, bad, StudyDirection.Minimize, running, complete));

        var longer = Trials.Complete(3, (450, 1.0));
        Assert.False(Prune(pruner, bad, StudyDirection.Minimize, running, complete, longer));
    }

    [Theory]
    [InlineData(new[] { 99 }, 1)]
    [InlineData(new[] { 199, 450 }, 4)]
    public void EstimateMinResource_IsTheLargestCompleteLastStepOver100_AtLeastOne(int[] lastSteps, int expected)
    {
        var trials = lastSteps.Select((s, i) => Trials.Complete(i, (s, 1.0))).Append(Trials.Running(9, (10_000, 1.0)));
        Assert.Equal(expected, Rungs.EstimateMinResource(trials));
    }

    [Fact]
    public void Constructor_RejectsBadSettings_NamingValueAndRule()
    {
        Assert.Contains("minResource must be at least 1 (or null for auto), but got minResource=0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(0)).Message);
        Assert.Contains("reductionFactor must be at least 2, but got reductionFactor=1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(1, 1)).Message);
        Assert.Contains("minEarlyStoppingRate must not be negative, but got minEarlyStoppingRate=-1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(1, 2, -1)).Message);
        Assert.Contains("bootstrapCount must not be negative, but got bootstrapCount=-1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SuccessiveHalvingPruner(1, 2, 0, -1)).Message);
        Assert.Contains("bootstrapCount > 0 needs an explicit minResource",
            Assert.Throws<ArgumentException>(() => new SuccessiveHalvingPruner(null, 2, 0, 1)).Message);
    }
}
