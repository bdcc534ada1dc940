using Tuner.Scheduler.Api.OpenApi;
using Tuner.Scheduling.Events;
using Tuner.Core.Events;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>Something that happened to a sweep: a scale decision, a preemption, a fallback, and why.</summary>
public sealed record SweepEventView(
    long Id, DateTimeOffset At, [property: OpenApiEnum(typeof(SweepEventKinds))] string Kind, long? TrialId, string Message);
