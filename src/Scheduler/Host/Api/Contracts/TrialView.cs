using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

public sealed record TrialView(
    long Id,
    int Number,
    [property: OpenApiEnum(typeof(TrialStatus))] string State,
    IReadOnlyDictionary<string, object> Params,
    double? Value,
    int? BestEpoch,
    int Preemptions,
    int LostRuns,
    int Attempts,
    string? Error,
    IReadOnlyList<ReportedValue> Reports,
    IReadOnlyList<string> Checkpoints,
    IReadOnlyList<TrialRunView> Runs);
