using System.Runtime.InteropServices;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>
/// Ctrl+C during `tuner run`: the first cancels the sweep (running trials stop at the end of their epoch, the run
/// reports and exits), the second stops waiting for that (workers hand their trials back at once), a third ends the
/// process as Ctrl+C normally does. SIGTERM does the first two at once.
/// </summary>
internal sealed class ConsoleInterrupts : IDisposable
{
    private readonly CancellationTokenSource cancel = new();
    private readonly CancellationTokenSource hurry = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int count;

    public ConsoleInterrupts()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    /// <summary>Fires on the first Ctrl+C: cancel the sweep.</summary>
    public CancellationToken CancelSweep => cancel.Token;

    /// <summary>Fires on the second Ctrl+C or on SIGTERM: stop the workers now.</summary>
    public CancellationToken StopNow => hurry.Token;

    private void OnInterrupt(PosixSignalContext context)
    {
        var n = Interlocked.Increment(ref count);
        context.Cancel = n < 3;
        (n == 1 ? cancel : hurry).Cancel();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        cancel.Cancel();
        hurry.Cancel();
    }

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        cancel.Dispose();
        hurry.Dispose();
    }
}
