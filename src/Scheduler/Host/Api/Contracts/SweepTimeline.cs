using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The sweep's trial runs by worker, from the first shown start to the last shown end (now while one runs).
/// <paramref name="RunCount"/> counts them all; above the runs asked for, the most recent by start are shown.</summary>
public sealed record SweepTimeline(DateTimeOffset From, DateTimeOffset To, int RunCount, int Shown, IReadOnlyList<WorkerTimeline> Workers);

/// <summary>One worker's runs, by start.</summary>
public sealed record WorkerTimeline(string Worker, IReadOnlyList<TimelineRun> Runs);

/// <summary>One run of a trial: a resumption when <paramref name="ResumedEpoch"/> is above 0, a preemption when its
/// outcome is Preempted.</summary>
public sealed record TimelineRun(
    long TrialId,
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    [property: OpenApiEnum(typeof(TrialRunOutcome))] string Outcome,
    int ResumedEpoch,
    string? EndReason);
