using Tuner.Core.Events;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.LocalRun;

namespace Tuner.Scheduler.Tests.Cli;

/// <summary>`tuner run` prints a sweep's events as they come, except runs handed back or lost, which its progress lines
/// already show per trial; it reads on after them either way.</summary>
public sealed class EventPrinterTests
{
    [Fact]
    public void PrintsEventsAsTheyCome_LeavingOutRunsTheTrialLinesShow_AndReadsOnAfterThem()
    {
        var output = new StringWriter();
        var printer = new EventPrinter(output);
        var at = DateTimeOffset.UnixEpoch;

        printer.Print(
        [
            new SweepEventView(3, at, SweepEventKinds.ScaleUp, null, "pool local: 1 → 2 workers"),
            new SweepEventView(4, at, SweepEventKinds.RunHandedBack, 7, "trial 2 (id 7): worker w1 handed it back (SIGTERM)"),
            new SweepEventView(5, at, SweepEventKinds.Preempted, 7, "spot market preempted worker 41 of pool local"),
            new SweepEventView(6, at, SweepEventKinds.RunLost, 8, "trial 3 (id 8): its run was lost (machine 42 is gone)"),
        ]);

        Assert.Equal(
            $"  [scale_up] pool local: 1 → 2 workers{Environment.NewLine}  [preempted] spot market preempted worker 41 of pool local{Environment.NewLine}",
            output.ToString());
        Assert.Equal(6, printer.LastId);
    }
}
