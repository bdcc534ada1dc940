using System.Runtime.InteropServices;

namespace Tuner.Trainer.Preemption;

/// <summary>
/// Completes when the process receives SIGTERM (how Kubernetes, systemd, docker stop and the local spot market give
/// notice). The runtime's default handling (shutting the process down) still runs unless
/// <c>cancelDefaultHandling</c> is true, in which case the caller owns the exit. Listens from construction until
/// disposed, so a signal that arrives before <see cref="WaitForNoticeAsync"/> is called is not lost.
/// </summary>
public sealed class SignalPreemptionWatcher : IPreemptionWatcher, IDisposable
{
    public const string Source = "sigterm";

    private readonly TaskCompletionSource<PreemptionNotice> _notice =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _registration;

    public SignalPreemptionWatcher(bool cancelDefaultHandling = false)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = cancelDefaultHandling;
            _notice.TrySetResult(new PreemptionNotice(Source, null, "received SIGTERM"));
        });
    }

    public Task<PreemptionNotice> WaitForNoticeAsync(CancellationToken ct) => _notice.Task.WaitAsync(ct);

    public void Dispose() => _registration.Dispose();
}
