using Tuner.Trainer.Preemption;

namespace Tuner.Scheduling.Workers;

/// <summary>Why this worker is stopping: the preemption notice that arrived, or a plain SIGTERM / shutdown.</summary>
public sealed class WorkerStopReason
{
    private PreemptionNotice? notice;

    public PreemptionNotice? Notice => Volatile.Read(ref notice);

    /// <summary>Keeps the first notice; later ones change nothing.</summary>
    public void Set(PreemptionNotice value) => Interlocked.CompareExchange(ref notice, value, null);

    public string Describe() => Notice is { } n
        ? $"{n.Source}: {n.Detail}" + (n.TerminationTime is { } at ? $" (machine stops at {at:O})" : "")
        : "worker stopped (SIGTERM or shutdown): checkpointed and handed back";
}
