using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

public sealed record SweepSummary(
    long Id,
    string Name,
    [property: OpenApiEnum(typeof(SweepState))] string State,
    string Objective,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int MaxTrials,
    int Parallelism);
