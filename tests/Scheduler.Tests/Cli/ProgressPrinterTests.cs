using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.Cli.LocalRun;

namespace Tuner.Scheduler.Tests.Cli;

/// <summary>`tuner run`'s progress lines: each run cut short is one "interrupted" line with the reason its run records,
/// printed once, between the epochs it reported and the run that resumed it.</summary>
public sealed class ProgressPrinterTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    [Fact]
    public void ARunCutShort_IsOneInterruptedLineWithItsReason_InTheOrderThingsHappened()
    {
        var output = new StringWriter();
        var printer = new ProgressPrinter("val_accuracy", output);
        var first = new TrialRunView("w1", 0, 0, 0, "Running", At, null);
        var preempted = first with { EpochsTrained = 1, Outcome = "Preempted", EndedAt = At, EndReason = "worker stopped (SIGTERM)" };
        var lost = new TrialRunView("w2", 1, 0, 0, "Lost", At, At, "machine 4242 is gone");
        var resumed = new TrialRunView("w3", 1, 0, 1, "Running", At, null);
        ReportedValue[] reports = [Report(1, 0.5), Report(2, 0.6)];

        printer.Print([Trial([first], [])]);
        var beforeInterruption = Lines(output);
        printer.Print([Trial([preempted, lost, resumed], reports)]);
        printer.Print([Trial([preempted, lost, resumed], reports)]);

        Assert.Equal(
            [
                "trial 2   queued    learning_rate=0.01",
                "trial 2   started on w1",
            ],
            beforeInterruption.Select(WithoutClock));
        Assert.Equal(
            [
                "trial 2   epoch  1  val_accuracy=0.5000  (3.0s)",
                "trial 2   interrupted (worker stopped (SIGTERM)): back in the queue, resumes from its last checkpoint",
                "trial 2   resumed on w2 from epoch 1, batch 0",
                "trial 2   interrupted (machine 4242 is gone): back in the queue, resumes from its last checkpoint",
                "trial 2   resumed on w3 from epoch 1, batch 0",
                "trial 2   epoch  2  val_accuracy=0.6000  (3.0s)",
            ],
            Lines(output).Skip(beforeInterruption.Length).Select(WithoutClock));
    }

    private static ReportedValue Report(int step, double value) => new(step, value, new Dictionary<string, double>(), 3.0);

    private static TrialView Trial(IReadOnlyList<TrialRunView> runs, IReadOnlyList<ReportedValue> reports) => new(
        7, 2, "Running", new Dictionary<string, object> { ["learning_rate"] = 0.01 }, null, null,
        runs.Count(r => r.Outcome == "Preempted"), runs.Count(r => r.Outcome == "Lost"), 0, null, reports, [], runs);

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A line without its "[  0.0s] " elapsed-time prefix.</summary>
    private static string WithoutClock(string line) => line[(line.IndexOf("] ", StringComparison.Ordinal) + 2)..];
}
