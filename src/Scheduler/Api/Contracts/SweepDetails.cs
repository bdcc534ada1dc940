namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepDetails(
    long Id,
    string Name,
    string State,
    string? StopReason,
    string Objective,
    string Direction,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int MaxTrials,
    int Parallelism,
    int Seed,
    TrialCounts Trials,
    BestTrial? Best);
