using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>A sweep in the list: its settings, trial counts, best value, dollars spent (the ledger's lines; the cost
/// report adds checkpoint storage), budget, the schedule that started it (null when none) and its labels.</summary>
public sealed record SweepSummary(
    long Id,
    string Name,
    [property: OpenApiEnum(typeof(SweepState))] string State,
    string Objective,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int MaxTrials,
    int Parallelism,
    double? BestValue,
    TrialCounts Trials,
    decimal SpentUsd,
    decimal? MaxCostUsd,
    string? Schedule,
    IReadOnlyDictionary<string, string> Labels);
