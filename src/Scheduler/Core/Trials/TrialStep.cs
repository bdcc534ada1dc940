using Tuner.Core.Model;

namespace Tuner.Core.Trials;

/// <summary>What <see cref="TrialLifecycle.Apply"/> did to a trial: the state it left and took, and how the trial's
/// current run ends (null: no run ends, the caller writes none).</summary>
public sealed record TrialStep(TrialEvent Event, TrialStatus From, TrialStatus To, TrialRunOutcome? RunEnds)
{
    /// <summary>Back in the queue: the caller enqueues its job.</summary>
    public bool HandedBack => To == TrialStatus.Waiting;
}
