using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>One stretch of work on a trial: which worker, where it resumed, how many epochs it trained, how it ended
/// and, when not by the trial itself, why (a preemption notice, a lost worker, an infrastructure fault).</summary>
public sealed record TrialRunView(
    string Worker, int ResumedEpoch, int ResumedBatch, int EpochsTrained, [property: OpenApiEnum(typeof(TrialRunOutcome))] string Outcome,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? EndReason = null);
