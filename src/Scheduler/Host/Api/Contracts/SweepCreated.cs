using Tuner.Scheduler.Api.OpenApi;
using Tuner.Core.Model;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>A stored sweep; <paramref name="Warnings"/> says what keeps it from running, with what to do (no capacity).</summary>
public sealed record SweepCreated(
    long Id, string Name, [property: OpenApiEnum(typeof(SweepState))] string State, IReadOnlyList<string>? Warnings = null);
