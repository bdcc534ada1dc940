namespace Tuner.Search.Tests;

public class FrozenTrialTests
{
    [Fact]
    public void LastStep_IsTheLargestReportedStep()
    {
        var trial = new FrozenTrial(0, TrialState.Running, new Dictionary<string, object>(), new Dictionary<int, double> { [3] = 0.1, [1] = 0.5 }, null);
        Assert.Equal(3, trial.LastStep);
        Assert.Equal(0.1, trial.LastIntermediateValue);
        Assert.False(trial.IsFinished);
        Assert.True(trial.IsPending);
    }

    [Fact]
    public void LastStep_IsNull_WhenNothingWasReported()
    {
        var trial = new FrozenTrial(0, TrialState.Failed, new Dictionary<string, object>(), new Dictionary<int, double>(), null);
        Assert.Null(trial.LastStep);
        Assert.Null(trial.LastIntermediateValue);
        Assert.True(trial.IsFinished);
    }
}
