namespace Tuner.Trainer.Preemption;

/// <summary>Listens for one kind of preemption notice.</summary>
public interface IPreemptionWatcher
{
    /// <summary>Completes when a notice arrives; otherwise runs until <paramref name="ct"/> is cancelled.</summary>
    Task<PreemptionNotice> WaitForNoticeAsync(CancellationToken ct);
}
