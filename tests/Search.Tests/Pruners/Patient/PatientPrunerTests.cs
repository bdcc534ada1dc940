using Tuner.Search.Pruners;
using Tuner.Search.Pruners.Patient;

namespace Tuner.Search.Tests.Pruners.Patient;

/// <summary>The cases of Optuna's tests/pruners_tests/test_patient.py, plus a wrapped pruner and out-of-order reports.</summary>
public class PatientPrunerTests
{
    private static List<int> PrunedSteps(IPruner pruner, StudyDirection direction, double[] values, params FrozenTrial[] others)
    {
        var pruned = new List<int>();
        for (var step = 0; step < values.Length; step++)
        {
            var trial = Trials.Running(99, [.. values.Take(step + 1).Select((v, s) => (s, v))]);
            if (pruner.ShouldPrune(new PruningContext(direction, [.. others, trial], trial)))
            {
                pruned.Add(step);
            }
        }

        return pruned;
    }

    [Theory]
    [InlineData(0, 0.0, StudyDirection.Maximize, new[] { 1.0, 0 }, new[] { 1 })]
    [InlineData(1, 0.0, StudyDirection.Maximize, new[] { 2.0, 1, 0 }, new[] { 2 })]
    [InlineData(0, 0.0, StudyDirection.Minimize, new[] { 0.0, 1 }, new[] { 1 })]
    [InlineData(1, 0.0, StudyDirection.Minimize, new[] { 0.0, 1, 2 }, new[] { 2 })]
    [InlineData(0, 1.0, StudyDirection.Maximize, new[] { 1.0, 0 }, new int[0])]
    [InlineData(1, 1.0, StudyDirection.Maximize, new[] { 3.0, 2, 1, 0 }, new[] { 3 })]
    [InlineData(0, 1.0, StudyDirection.Minimize, new[] { 0.0, 1 }, new int[0])]
    [InlineData(1, 1.0, StudyDirection.Minimize, new[] { 0.0, 1, 2, 3 }, new[] { 3 })]
    public void ShouldPrune_AfterPatienceStepsWithoutImprovement(int patience, double minDelta, StudyDirection direction, double[] values, int[] expected)
    {
        Assert.Equal(expected, PrunedSteps(new PatientPruner(null, patience, minDelta), direction, values));
    }

    [Fact]
    public void ShouldPrune_IsFalse_WhileValuesAreNaNOrTooFew()
    {
        Assert.Empty(PrunedSteps(new PatientPruner(null, 0, 0), StudyDirection.Minimize, [double.NaN, 1.0, double.NaN]));
        Assert.Empty(PrunedSteps(new PatientPruner(null, 0), StudyDirection.Minimize, [1.0]));
    }

    [Fact]
    public void ShouldPrune_AsksTheWrappedPruner_OnlyOnceTheTrialStalls()
    {
        var patient = new PatientPruner(new MedianPruner(startupTrials: 1), patience: 1);
        var better = Trials.Complete(0, (0, 0.1), (1, 0.1), (2, 0.1), (3, 0.1));

        // Worse than the median throughout, but still improving until step 3: pruned only once it stalls.
        Assert.Equal([3], PrunedSteps(patient, StudyDirection.Minimize, [3.0, 2.0, 2.5, 2.6], better));
        // Stalled, but the wrapped median pruner keeps it: better than the other trial.
        Assert.Empty(PrunedSteps(patient, StudyDirection.Minimize, [0.0, 0.05, 0.06, 0.07], better));
    }

    [Fact]
    public void ShouldPrune_ReadsStepsInStepOrder_WhenReportsArriveOutOfOrder()
    {
        var pruner = new PatientPruner(null, 1);
        var inOrder = Trials.Running(0, (0, 0.0), (1, 1.0), (2, 2.0));
        var shuffled = Trials.Running(0, (2, 2.0), (0, 0.0), (1, 1.0));
        var improving = Trials.Running(0, (2, 0.0), (0, 2.0), (1, 1.0));

        Assert.True(pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [inOrder], inOrder)));
        Assert.True(pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [shuffled], shuffled)));
        Assert.False(pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [improving], improving)));
    }

    [Fact]
    public void Constructor_RejectsBadSettings_NamingValueAndRule()
    {
        Assert.Contains("patience must not be negative, but got patience=-1", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, -1)).Message);
        Assert.Contains("minDelta must be a finite number at least 0, but got minDelta=-1", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, 0, -1)).Message);
        Assert.Contains("minDelta must be a finite number at least 0, but got minDelta=NaN", Assert.Throws<ArgumentOutOfRangeException>(() => new PatientPruner(null, 0, double.NaN)).Message);
    }
}
