namespace Tuner.Core.Model;

/// <summary>
/// A configuration a sweep evaluates before it asks its sampler again (Optuna's enqueue_trial): one given through
/// POST /api/sweeps/{id}/trials, or carried over by a warm start. The orchestrator turns the oldest into trials first,
/// and links each to the trial made from it.
/// </summary>
public sealed class QueuedConfiguration
{
    public long Id { get; set; }
    public long SweepId { get; set; }

    /// <summary>Hyperparameters as a JSON object, checked against the sweep's search space when queued.</summary>
    public required string ParamsJson { get; set; }

    /// <summary>Where it came from, e.g. "api".</summary>
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The trial made from it; null while it waits.</summary>
    public long? TrialId { get; set; }
    public Trial? Trial { get; set; }
}
