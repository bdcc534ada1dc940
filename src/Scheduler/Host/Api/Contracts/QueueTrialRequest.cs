using System.ComponentModel;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The body of POST /api/sweeps/{id}/trials: a configuration for the sweep to evaluate next.</summary>
public sealed record QueueTrialRequest(
    [property: Description("A value for every active parameter of the sweep's search space")] IReadOnlyDictionary<string, object>? Params);

/// <summary>A queued configuration: its id, its values as the sweep's trials hold them, how many wait before it, and
/// warnings (the sweep has no trials left, or is paused).</summary>
public sealed record QueuedTrial(long Id, IReadOnlyDictionary<string, object> Params, int Ahead, IReadOnlyList<string> Warnings);
