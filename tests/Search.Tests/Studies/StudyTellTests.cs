using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;
using Tuner.Search.Studies;

namespace Tuner.Search.Tests.Studies;

public class StudyTellTests
{
    private static Study NewStudy(StudyDirection direction = StudyDirection.Minimize) => new(
        SearchSpace.Create([new("x", new FloatDistribution(0, 1))]), direction, new RandomSampler(1), new NopPruner());

    [Theory]
    [InlineData(TrialState.Running)]
    [InlineData(TrialState.Waiting)]
    public void Tell_Throws_ForUnfinishedState(TrialState state)
    {
        var study = NewStudy();
        var trial = study.Ask();
        var error = Assert.Throws<ArgumentException>(() => study.Tell(trial.Number, state, 1));
        Assert.Contains($"but got {state}", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Tell_Throws_WhenCompleteHasNoFiniteValue(double? value)
    {
        var study = NewStudy();
        var trial = study.Ask();
        var error = Assert.Throws<ArgumentException>(() => study.Tell(trial.Number, TrialState.Complete, value));
        Assert.Contains("needs a finite value", error.Message);
        Assert.Equal(TrialState.Running, study.Trials[0].State);
    }

    [Fact]
    public void Tell_Throws_WhenToldTwice()
    {
        var study = NewStudy();
        var trial = study.Ask();
        study.Tell(trial.Number, TrialState.Complete, 0.5);
        var error = Assert.Throws<InvalidOperationException>(() => study.Tell(trial.Number, TrialState.Failed));
        Assert.Contains("trial 0 is already Complete", error.Message);
    }

    [Fact]
    public void Tell_Throws_ForUnknownTrial()
    {
        var study = NewStudy();
        Assert.Throws<ArgumentOutOfRangeException>(() => study.Tell(3, TrialState.Complete, 1));
    }

    [Fact]
    public void Tell_Throws_WhenFailedOrPrunedGetsAValue()
    {
        var study = NewStudy();
        var trial = study.Ask();
        Assert.Throws<ArgumentException>(() => study.Tell(trial.Number, TrialState.Failed, 1));
        Assert.Throws<ArgumentException>(() => study.Tell(trial.Number, TrialState.Pruned, 1));
    }

    [Fact]
    public void Tell_RecordsLastIntermediateValue_ForPrunedTrial()
    {
        var study = NewStudy();
        var trial = study.Ask();
        trial.Report(0, 0.9);
        trial.Report(1, 0.7);
        study.Tell(trial.Number, TrialState.Pruned);

        var frozen = study.Trials[0];
        Assert.Equal(TrialState.Pruned, frozen.State);
        Assert.Equal(0.7, frozen.Value);
        Assert.True(frozen.IsFinished);
    }

    [Fact]
    public void Report_KeepsFirstValue_ForARepeatedStep_AndRefusesFinishedTrials()
    {
        var study = NewStudy();
        var trial = study.Ask();
        trial.Report(0, 0.9);
        trial.Report(0, 0.1);
        Assert.Equal(0.9, study.Trials[0].IntermediateValues[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => trial.Report(-1, 0.5));

        study.Tell(trial.Number, TrialState.Failed);
        Assert.Throws<InvalidOperationException>(() => trial.Report(1, 0.5));
        Assert.Null(study.Trials[0].Value);
    }

    [Fact]
    public void BestTrial_IsNull_UntilATrialCompletes_AndFollowsDirection()
    {
        var study = NewStudy(StudyDirection.Maximize);
        Assert.Null(study.BestTrial);
        var a = study.Ask();
        var b = study.Ask();
        var c = study.Ask();
        study.Tell(a.Number, TrialState.Complete, 1);
        study.Tell(b.Number, TrialState.Complete, 3);
        study.Tell(c.Number, TrialState.Failed);
        Assert.Equal(b.Number, study.BestTrial!.Number);
    }

    [Fact]
    public void Trials_AreSnapshots_ThatLaterChangesDoNotAlter()
    {
        var study = NewStudy();
        var trial = study.Ask();
        var before = study.Trials;
        trial.Report(0, 0.5);
        study.Tell(trial.Number, TrialState.Complete, 0.5);

        Assert.Equal(TrialState.Running, before[0].State);
        Assert.Empty(before[0].IntermediateValues);
        Assert.Equal(TrialState.Complete, study.Trials[0].State);
    }
}
