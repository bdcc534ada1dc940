using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>One trial in GET /api/sweeps/{id}/export?format=json (an array of these; the CSV has the same columns, the
/// parameters as <c>param.NAME</c>). <paramref name="Epochs"/>: the last reported epoch; <paramref name="CostUsd"/>:
/// the ledger's dollars charged to its runs, null when none.</summary>
public sealed record ExportedTrial(
    int Number,
    [property: OpenApiEnum(typeof(TrialStatus))] string State,
    double? Value,
    IReadOnlyDictionary<string, object> Params,
    int Epochs,
    int? BestEpoch,
    int Preemptions,
    int LostRuns,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    decimal? CostUsd);
