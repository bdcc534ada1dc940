using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The sweep's complete trials in the order they ended, each with the best value so far by the sweep's
/// direction. <paramref name="Sampled"/>: there were more than the points asked for, so the server kept every point
/// where the best so far changes and an even sample of the rest, in the same order.</summary>
public sealed record SweepProgress(
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction,
    string Objective,
    int CompleteCount,
    bool Sampled,
    IReadOnlyList<ProgressPoint> Points);

/// <summary>One complete trial: its value, when it ended and the best value of the trials that ended up to it.</summary>
public sealed record ProgressPoint(int Number, long TrialId, double Value, DateTimeOffset EndedAt, double BestSoFar);
