using Tuner.Core.Costs;

namespace Tuner.Core.Tests.Costs;

public sealed class MachineLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static MachineRun Run(long id, long sweep, double start, double? end) => new(id, id * 10, sweep, At(start), end is { } e ? At(e) : null);

    [Fact]
    public void Attribute_ChargesStartUpBeforeTheFirstRun_TheRunItsTime_AndIdleAfter()
    {
        // Launched at 0, run 60..660, machine ends at 720: 60 s start-up, 600 s training, 60 s idle.
        var segments = MachineLedger.Attribute(At(0), At(720), [Run(1, 7, 60, 660)], sweepBefore: null, launchedFor: 7);

        Assert.Equal(
            [
                new LedgerSegment(CostKind.StartUp, null, null, 7, At(0), At(60), 1),
                new LedgerSegment(CostKind.Training, 1, 10, 7, At(60), At(660), 1),
                new LedgerSegment(CostKind.Idle, null, null, 7, At(660), At(720), 1),
            ],
            segments);
    }

    [Fact]
    public void Attribute_SplitsASharedMachine_EquallyAmongTheRunsOnIt()
    {
        // A two-GPU machine: run 1 from 0 to 100, run 2 from 50 to 150. Each is alone for 50 s and shares 50 s:
        // 50 + 25 = 75 s each, 150 s in all, the machine's whole time.
        var segments = MachineLedger.Attribute(At(0), At(150), [Run(1, 7, 0, 100), Run(2, 8, 50, 150)], sweepBefore: 7, launchedFor: 7);

        Assert.Equal(75, segments.Where(s => s.RunId == 1).Sum(s => s.Seconds), 9);
        Assert.Equal(75, segments.Where(s => s.RunId == 2).Sum(s => s.Seconds), 9);
        Assert.Equal(150, segments.Sum(s => s.Seconds), 9);
        Assert.Contains(new LedgerSegment(CostKind.Training, 1, 10, 7, At(50), At(100), 2), segments);
        Assert.Contains(new LedgerSegment(CostKind.Training, 2, 20, 8, At(50), At(100), 2), segments);
    }

    [Fact]
    public void Attribute_ChargesIdleTime_ToTheSweepOfTheRunBeforeIt()
    {
        var segments = MachineLedger.Attribute(At(0), At(100), [Run(1, 7, 0, 30), Run(2, 8, 50, 80)], sweepBefore: 5, launchedFor: 5);

        Assert.Equal(
            [
                new LedgerSegment(CostKind.Training, 1, 10, 7, At(0), At(30), 1),
                new LedgerSegment(CostKind.Idle, null, null, 7, At(30), At(50), 1),
                new LedgerSegment(CostKind.Training, 2, 20, 8, At(50), At(80), 1),
                new LedgerSegment(CostKind.Idle, null, null, 8, At(80), At(100), 1),
            ],
            segments);
    }

    [Fact]
    public void Attribute_InPieces_AddsUpToTheWholeLife()
    {
        var runs = new[] { Run(1, 7, 10, 130), Run(2, 7, 40, 90), Run(3, 9, 200, null) };
        var whole = MachineLedger.Attribute(At(0), At(300), runs, null, 7);
        var first = MachineLedger.Attribute(At(0), At(100), runs, null, 7);
        var second = MachineLedger.Attribute(At(100), At(300), runs, sweepBefore: 7, launchedFor: 7);

        foreach (var run in new long?[] { 1, 2, 3, null })
        {
            Assert.Equal(whole.Where(s => s.RunId == run).Sum(s => s.Seconds), first.Concat(second).Where(s => s.RunId == run).Sum(s => s.Seconds), 9);
        }

        Assert.Equal(300, first.Concat(second).Sum(s => s.MachineSeconds / 1) - first.Concat(second).Where(s => s.Share == 2).Sum(s => s.MachineSeconds / 2), 9);
    }

    [Fact]
    public void Attribute_ChargesARunStillGoing_UpToTheEndOfTheStretch()
    {
        var segments = MachineLedger.Attribute(At(100), At(160), [Run(1, 7, 20, null)], sweepBefore: null, launchedFor: 7);

        Assert.Equal([new LedgerSegment(CostKind.Training, 1, 10, 7, At(100), At(160), 1)], segments);
    }

    [Fact]
    public void Attribute_IgnoresZeroLengthRuns_AndRunsOutsideTheStretch()
    {
        // A zero-length Lost run (a worker killed between its lease and its run) takes no time.
        var segments = MachineLedger.Attribute(At(0), At(10), [Run(1, 7, 5, 5), Run(2, 7, 20, 30)], sweepBefore: 3, launchedFor: 3);

        Assert.Equal([new LedgerSegment(CostKind.Idle, null, null, 3, At(0), At(10), 1)], segments);
    }
}
