namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepSummary(
    long Id, string Name, string State, string Objective, string Direction, DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt, int MaxTrials, int Parallelism);
