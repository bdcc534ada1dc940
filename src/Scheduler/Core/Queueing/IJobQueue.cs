namespace Tuner.Core.Queueing;

/// <summary>
/// Where work waits for a process to run it: a trial's run on its sweep's pool queue, and orchestration passes.
/// Delivery is at least once; the trial's lease makes a run happen once. Hangfire on PostgreSQL implements it
/// (Tuner.Jobs).
/// </summary>
public interface IJobQueue
{
    /// <summary>Enqueues a run of the trial on its sweep's pool queue and remembers the job on the trial, so that a
    /// lost job can be told from a queued one.</summary>
    Task EnqueueTrialAsync(long trialId, CancellationToken ct);

    /// <summary>Enqueues one orchestration pass of the sweep.</summary>
    void EnqueueOrchestration(long sweepId);

    /// <summary>Enqueues a fresh job for every Waiting trial whose job is gone, or was fetched by a worker that died
    /// before taking the lease.</summary>
    Task ReenqueueLostTrialsAsync(CancellationToken ct);
}
