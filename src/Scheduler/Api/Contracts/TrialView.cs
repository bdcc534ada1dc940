namespace Tuner.Scheduler.Api.Contracts;

public sealed record TrialView(
    long Id,
    int Number,
    string State,
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
