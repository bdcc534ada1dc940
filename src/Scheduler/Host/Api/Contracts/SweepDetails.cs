using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepDetails(
    long Id,
    string Name,
    [property: OpenApiEnum(typeof(SweepState))] string State,
    string? StopReason,
    string Objective,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int MaxTrials,
    int Parallelism,
    int Seed,
    TrialCounts Trials,
    BestTrial? Best);
