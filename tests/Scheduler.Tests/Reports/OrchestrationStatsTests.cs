using Tuner.Scheduling.Reports;

namespace Tuner.Scheduler.Tests.Reports;

public sealed class OrchestrationStatsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static RunSpan Run(string worker, double from, double to, double training) =>
        new(worker, T0.AddSeconds(from), T0.AddSeconds(to), training);

    [Fact]
    public void NoEndedRuns_GiveNoFigures() => Assert.Null(OrchestrationStats.From([]));

    [Fact]
    public void Overhead_IsEachWorkersBusyTimeNotSpentTraining_PerRun()
    {
        // Worker a: busy 0–3.5 s over three 1-s runs; worker b starts 2 s later, busy 2–4 s over two 0.9-s runs.
        var stats = OrchestrationStats.From(
        [
            Run("a", 0, 1.0, 1), Run("a", 1.2, 2.2, 1), Run("a", 2.5, 3.5, 1),
            Run("b", 2.0, 2.9, 0.9), Run("b", 3.1, 4.0, 0.9),
        ])!;

        Assert.Equal(2, stats.Workers);
        Assert.Equal(5, stats.Runs);
        Assert.Equal(3.5 + 2.0, stats.BusySeconds, 9);
        Assert.Equal(4.8, stats.TrainingSeconds, 9);
        Assert.Equal((5.5 - 4.8) / 5, stats.OverheadSecondsPerRun, 9);
        Assert.Equal((5.5 - 4.8) / 5.5, stats.OverheadShare, 9);
    }

    [Fact]
    public void Throughput_CountsOnlyRunsEndedWhileEveryWorkerWasAtWork()
    {
        // The window opens when the last worker starts its first run (b at 2 s) and closes when the first worker ends its
        // last run (a at 3.5 s): runs ending at 2.2 s, 2.9 s and 3.5 s fall inside; 1.0 s (before b started) and 4.0 s
        // (after a stopped) do not.
        var stats = OrchestrationStats.From(
        [
            Run("a", 0, 1.0, 0), Run("a", 1.2, 2.2, 0), Run("a", 2.5, 3.5, 0),
            Run("b", 2.0, 2.9, 0), Run("b", 3.1, 4.0, 0),
        ])!;

        Assert.Equal(1.5, stats.SteadySeconds, 9);
        Assert.Equal(3, stats.SteadyRuns);
        Assert.Equal(2.0, stats.RunsPerSecond!.Value, 9);
    }

    [Fact]
    public void OneRunPerWorker_HasNoSteadyWindow()
    {
        var stats = OrchestrationStats.From([Run("a", 0, 1, 1), Run("b", 2, 3, 1)])!;

        Assert.Null(stats.RunsPerSecond);
        Assert.Equal(0, stats.SteadyRuns);
        Assert.Equal(0, stats.OverheadSecondsPerRun, 9);
    }
}
