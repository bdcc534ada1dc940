using Tuner.Core.Model;
using Tuner.Core.Trials;

namespace Tuner.Core.Tests.Trials;

/// <summary>The trial state machine on its own: no database.</summary>
public sealed class TrialLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TrialLimits Limits = new(MaxAttempts: 2, MaxLostRuns: 2);

    [Fact]
    public void EveryEvent_HasExactlyOneTransition_AndNoneLeavesAFinalState()
    {
        Assert.Equal(Enum.GetValues<TrialEvent>().Order(), TrialLifecycle.Transitions.Select(t => t.Event).Order());
        Assert.DoesNotContain(TrialLifecycle.Transitions, t => t.From.Any(TrialLifecycle.IsFinal));
        Assert.All(TrialLifecycle.Transitions.Where(t => t.LimitedBy != TrialCounter.None), t => Assert.Equal(TrialStatus.Failed, t.AtLimit));
    }

    [Theory]
    [InlineData(TrialEvent.Completed, TrialStatus.Complete, TrialRunOutcome.Completed)]
    [InlineData(TrialEvent.Pruned, TrialStatus.Pruned, TrialRunOutcome.Pruned)]
    [InlineData(TrialEvent.Cancelled, TrialStatus.Cancelled, TrialRunOutcome.Cancelled)]
    public void EndingARunningTrial_StampsItsEnd_AndReleasesTheLease(TrialEvent trialEvent, TrialStatus to, TrialRunOutcome runEnds)
    {
        var trial = Running();

        var step = TrialLifecycle.Apply(trial, trialEvent, Limits, Now, trialEvent == TrialEvent.Cancelled ? "sweep cancelled" : null);

        Assert.Equal((TrialStatus.Running, to, runEnds), (step.From, step.To, step.RunEnds));
        Assert.Equal((to, Now, (string?)null, (DateTimeOffset?)null), (trial.Status, trial.FinishedAt, trial.LeaseOwner, trial.LeaseExpiresAt));
        Assert.Equal(trialEvent == TrialEvent.Cancelled ? "sweep cancelled" : null, trial.Error);
        Assert.Equal((0, 0, 0), (trial.Attempts, trial.Preemptions, trial.LostRuns));
    }

    [Theory]
    [InlineData(TrialEvent.Preempted, TrialRunOutcome.Preempted, 1, 0)]
    [InlineData(TrialEvent.MachineGone, TrialRunOutcome.Lost, 1, 0)]
    [InlineData(TrialEvent.WorkerLost, TrialRunOutcome.Lost, 0, 1)]
    [InlineData(TrialEvent.Interrupted, TrialRunOutcome.Interrupted, 0, 0)]
    public void HandingBack_RequeuesTheTrial_CountingWhatTheEventCounts(TrialEvent trialEvent, TrialRunOutcome runEnds, int preemptions, int lostRuns)
    {
        var trial = Running();
        trial.Error = "an earlier attempt's error";

        var step = TrialLifecycle.Apply(trial, trialEvent, Limits, Now, "what ended the run");

        Assert.True(step.HandedBack);
        Assert.Equal(runEnds, step.RunEnds);
        Assert.Equal((TrialStatus.Waiting, (string?)null, (DateTimeOffset?)null), (trial.Status, trial.LeaseOwner, trial.FinishedAt));
        Assert.Equal((0, preemptions, lostRuns), (trial.Attempts, trial.Preemptions, trial.LostRuns));
        Assert.Equal("an earlier attempt's error", trial.Error);
    }

    [Fact]
    public void Failed_IsRetriedWhileAttemptsAreLeft_ThenFails()
    {
        var trial = Running();

        var first = TrialLifecycle.Apply(trial, TrialEvent.Failed, Limits, Now, "NaN loss");
        Assert.Equal((TrialStatus.Waiting, 1, "NaN loss"), (first.To, trial.Attempts, trial.Error));
        Assert.Null(trial.FinishedAt);

        trial.Status = TrialStatus.Running;
        var second = TrialLifecycle.Apply(trial, TrialEvent.Failed, Limits, Now, "NaN loss again");
        Assert.Equal((TrialStatus.Failed, 2, "NaN loss again", (DateTimeOffset?)Now), (second.To, trial.Attempts, trial.Error, trial.FinishedAt));
        Assert.Equal(TrialRunOutcome.Failed, second.RunEnds);
    }

    [Fact]
    public void WorkerLost_AtMaxLostRuns_FailsTheTrial_NamingTheLastLostRun()
    {
        var trial = Running();
        trial.LostRuns = Limits.MaxLostRuns - 1;

        var step = TrialLifecycle.Apply(trial, TrialEvent.WorkerLost, Limits, Now, "worker w-2 went silent without notice during epoch 3");

        Assert.Equal((TrialStatus.Failed, TrialRunOutcome.Lost), (step.To, step.RunEnds));
        Assert.Equal("worker lost 2 times (last: worker w-2 went silent without notice during epoch 3)", trial.Error);
        Assert.Equal((Limits.MaxLostRuns, (DateTimeOffset?)Now), (trial.LostRuns, trial.FinishedAt));
    }

    [Fact]
    public void MachineGone_IsAPreemption_NeverLimited()
    {
        var trial = Running();
        trial.Preemptions = 50;
        trial.LostRuns = Limits.MaxLostRuns - 1;

        var step = TrialLifecycle.Apply(trial, TrialEvent.MachineGone, Limits, Now, "machine i-1 is gone");

        Assert.Equal((TrialStatus.Waiting, 51, Limits.MaxLostRuns - 1), (step.To, trial.Preemptions, trial.LostRuns));
    }

    [Fact]
    public void Started_KeepsTheTrialRunning_UnlessATakeoverBroughtItToMaxLostRuns()
    {
        var below = Running();
        below.LostRuns = Limits.MaxLostRuns - 1;
        var atLimit = Running();
        atLimit.LostRuns = Limits.MaxLostRuns;

        var runs = TrialLifecycle.Apply(below, TrialEvent.Started, Limits, Now);
        var fails = TrialLifecycle.Apply(atLimit, TrialEvent.Started, Limits, Now, null);

        Assert.Equal((TrialStatus.Running, (TrialRunOutcome?)null, "worker-a"), (runs.To, runs.RunEnds, below.LeaseOwner));
        Assert.Equal((TrialStatus.Failed, (TrialRunOutcome?)null), (fails.To, fails.RunEnds));
        Assert.Equal("worker lost 2 times (last: its lease expired without notice)", atLimit.Error);
        Assert.Equal(Limits.MaxLostRuns, atLimit.LostRuns);
    }

    [Fact]
    public void Withdrawn_CancelsAWaitingTrial_WithTheSweepsReason()
    {
        var trial = new Trial { Id = 7, ParamsJson = "{}", Status = TrialStatus.Waiting };

        var step = TrialLifecycle.Apply(trial, TrialEvent.Withdrawn, Limits, Now, "sweep deadline passed");

        Assert.Equal((TrialStatus.Cancelled, (TrialRunOutcome?)null), (step.To, step.RunEnds));
        Assert.Equal(("sweep deadline passed", (DateTimeOffset?)Now), (trial.Error, trial.FinishedAt));
    }

    [Theory]
    [InlineData(TrialStatus.Waiting, TrialEvent.Completed)]
    [InlineData(TrialStatus.Running, TrialEvent.Withdrawn)]
    [InlineData(TrialStatus.Running, TrialEvent.Leased)]
    [InlineData(TrialStatus.Complete, TrialEvent.Failed)]
    [InlineData(TrialStatus.Cancelled, TrialEvent.Preempted)]
    public void AnEventThatCannotHappenInTheTrialsState_IsRefused_AndChangesNothing(TrialStatus status, TrialEvent trialEvent)
    {
        var trial = new Trial { Id = 7, ParamsJson = "{}", Status = status };

        var refused = Assert.Throws<TrialTransitionException>(() => TrialLifecycle.Apply(trial, trialEvent, Limits, Now));

        Assert.Equal($"trial 7: {trialEvent} cannot happen to a {status} trial", refused.Message);
        Assert.Equal((status, 0, 0, 0), (trial.Status, trial.Attempts, trial.Preemptions, trial.LostRuns));
    }

    private static Trial Running() => new()
    {
        Id = 7, ParamsJson = "{}", Status = TrialStatus.Running, LeaseOwner = "worker-a", LeaseToken = 3, LeaseExpiresAt = Now.AddSeconds(20),
    };
}
