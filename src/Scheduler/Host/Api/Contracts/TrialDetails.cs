using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>One trial for the trial page: <see cref="TrialView"/>'s fields, and the trial's sweep and Hangfire job
/// (<paramref name="HangfireJobId"/>: the job that last ran it, null before any).</summary>
public sealed record TrialDetails(
    long TrialId,
    long SweepId,
    string SweepName,
    string? HangfireJobId,
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
    IReadOnlyList<TrialRunView> Runs)
{
    public static TrialDetails Of(TrialView trial, long sweepId, string sweepName, string? hangfireJobId) => new(
        trial.Id, sweepId, sweepName, hangfireJobId, trial.Id, trial.Number, trial.State, trial.Params, trial.Value, trial.BestEpoch,
        trial.Preemptions, trial.LostRuns, trial.Attempts, trial.Error, trial.Reports, trial.Checkpoints, trial.Runs);
}
