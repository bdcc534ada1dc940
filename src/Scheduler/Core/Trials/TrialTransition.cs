using Tuner.Core.Model;

namespace Tuner.Core.Trials;

/// <summary>One row of <see cref="TrialLifecycle.Transitions"/>.</summary>
/// <param name="Event">What happened.</param>
/// <param name="From">The states it may happen in; anywhere else it is refused.</param>
/// <param name="To">The state it leads to.</param>
/// <param name="RunEnds">How the trial's current run ends; null when no run ends.</param>
/// <param name="Counts">The counter it raises by one.</param>
/// <param name="LimitedBy">The counter whose limit, once reached, turns the transition into <see cref="AtLimit"/>.</param>
/// <param name="AtLimit">The state it leads to instead when that limit is reached.</param>
public sealed record TrialTransition(
    TrialEvent Event,
    IReadOnlyList<TrialStatus> From,
    TrialStatus To,
    TrialRunOutcome? RunEnds,
    TrialCounter Counts = TrialCounter.None,
    TrialCounter LimitedBy = TrialCounter.None,
    TrialStatus? AtLimit = null);
