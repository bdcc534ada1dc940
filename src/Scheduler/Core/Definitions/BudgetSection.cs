namespace Tuner.Core.Definitions;

/// <summary>How much a sweep may do.</summary>
/// <param name="MaxTrials">Trials to start in all (each at least 1).</param>
/// <param name="Parallelism">Trials running at the same time (at least 1).</param>
/// <param name="Deadline">Wall-clock time from the sweep's start after which no new trial starts; null: none.</param>
/// <param name="MaxAttempts">Attempts per trial when training fails; 1 means no retry. Preemptions do not count.</param>
/// <param name="MaxLostRuns">Runs of one trial that may end with their worker lost without notice (killed, out of
/// memory, crashed) before the trial ends Failed.</param>
public sealed record BudgetSection(int MaxTrials, int Parallelism, TimeSpan? Deadline, int MaxAttempts = 1, int MaxLostRuns = BudgetSection.DefaultMaxLostRuns)
{
    public const int DefaultMaxLostRuns = 3;

    /// <summary>The spending limit; null: none.</summary>
    public CostLimit? Cost { get; init; }
}
