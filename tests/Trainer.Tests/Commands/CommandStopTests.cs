using System.Diagnostics;
using Tuner.Trainer.Commands;
using Tuner.TestSupport;
using Tuner.Trainer.Tests.TestSupport;
using static Tuner.Trainer.Tests.Commands.TestProgram;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>Tuner stopping the real test program: prune, preemption, max steps, abort.</summary>
public sealed class CommandStopTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Record => Path.Join(_directory.Path, "record");

    private string PidFile => Path.Join(_directory.Path, "pid");

    [Fact]
    public async Task Prune_SendsSigterm_AndReturnsPruned_WithoutCheckpointingThePrunedStep()
    {
        var host = new ScriptedTrialHost(Store(_directory, "pruned")) { PruneAtEpoch = 2 };

        var outcome = await RunAsync(Command("--sleep-ms", "100", "--record", Record), host, Spec(maxSteps: 50));

        Assert.Equal(TrialOutcomeKind.Pruned, outcome.Kind);
        Assert.Equal(new TrainingPosition(2, 0), outcome.Position);
        Assert.Equal([1, 2], host.Reports.Select(r => r.Epoch));
        Assert.Equal([1], host.SavedPositions.Select(p => p.Epoch));
        Assert.Equal(["start resume=0 from=0", "sigterm"], Lines(Record));
    }

    [Fact]
    public async Task Prune_SigkillsAProgramThatIgnoresSigterm_AfterTheGracePeriod_AndReportsNothingMore()
    {
        var clock = Stopwatch.StartNew();
        var pruned = TimeSpan.Zero;
        var command = Command("--sleep-ms", "50", "--ignore-sigterm", "--record", Record, "--pid-file", PidFile);
        var host = new ScriptedTrialHost(Store(_directory, "stubborn")) { PruneAtEpoch = 2, AfterReport = r => pruned = clock.Elapsed };

        var outcome = await RunAsync(command, host, Spec(maxSteps: 1000));

        Assert.Equal(TrialOutcomeKind.Pruned, outcome.Kind);
        Assert.True(clock.Elapsed - pruned >= Grace, $"stopped {clock.Elapsed - pruned} after the prune, before the {Grace} grace period");
        Assert.Equal([1, 2], host.Reports.Select(r => r.Epoch));
        Assert.Equal(["start resume=0 from=0", "sigterm ignored"], Lines(Record));
        Assert.False(ProcessState.IsRunning(ReadPid(PidFile)));
    }

    [Fact]
    public async Task Prune_CreatesTheStopFile_ForAProgramThatPollsIt()
    {
        var host = new ScriptedTrialHost(Store(_directory, "polite")) { PruneAtEpoch = 1 };

        var outcome = await RunAsync(Command("--sleep-ms", "100", "--ignore-sigterm", "--honor-stop-file", "--record", Record), host, Spec(maxSteps: 50));

        Assert.Equal(TrialOutcomeKind.Pruned, outcome.Kind);
        Assert.Equal("stop file", Lines(Record)[^1]);
    }

    [Fact]
    public async Task Kill_TakesTheWholeProcessTree()
    {
        var childPidFile = Path.Join(_directory.Path, "child-pid");
        var host = new ScriptedTrialHost(Store(_directory, "tree")) { PruneAtEpoch = 1 };

        await RunAsync(Command("--sleep-ms", "50", "--ignore-sigterm", "--spawn-child", childPidFile), host, Spec(maxSteps: 1000));

        var child = ReadPid(childPidFile);
        Assert.True(await EventuallyAsync(() => !ProcessState.IsRunning(child)), $"the program's child {child} still runs");
    }

    [Fact]
    public async Task AChildTheProgramLeavesRunning_IsKilledWhenTheRunEnds()
    {
        var childPidFile = Path.Join(_directory.Path, "child-pid");

        var outcome = await RunAsync(Command("--spawn-child", childPidFile), Host(_directory, "leaves-a-child"), Spec(maxSteps: 2));

        Assert.Equal(TrialOutcomeKind.Completed, outcome.Kind);
        var child = ReadPid(childPidFile);
        Assert.True(await EventuallyAsync(() => !ProcessState.IsRunning(child)), $"the program's child {child} still runs after the program exited");
    }

    [Fact]
    public async Task Preemption_StopsTheProgram_SavesWhatItWroteOnSigterm_AndTheResumedRunFinishesTheSame()
    {
        var uninterrupted = await RunAsync(Command(), Host(_directory, "uninterrupted"), Spec(maxSteps: 5));
        var host = new ScriptedTrialHost(Store(_directory, "preempted")) { PreemptAfterEpoch = 2 };
        var command = Command("--sleep-ms", "50", "--record", Record);

        // Step 3 takes 10 s in the first run, so the preemption at step 2 lands before the program can print it.
        var preempted = await RunAsync(command with { Command = [.. command.Command, "--slow-from", "3"] }, host, Spec(maxSteps: 5), preemption: host.Preemption.Token);
        var final = await LatestCheckpointAsync(host);
        var resumedHost = new ScriptedTrialHost(Store(_directory, "preempted"));
        var resumed = await RunAsync(command, resumedHost, Spec(maxSteps: 5));

        Assert.Equal(TrialOutcomeKind.Preempted, preempted.Kind);
        Assert.Equal(new TrainingPosition(2, 0), preempted.Position);
        Assert.Equal([1, 2, 2], host.SavedPositions.Select(p => p.Epoch));
        var restored = Directory.CreateDirectory(Path.Join(_directory.Path, "restored")).FullName;
        DirectoryArchive.Extract(final.State, restored);
        Assert.Equal("stopped after step 2", File.ReadAllText(Path.Join(restored, "on-sigterm.txt")));
        Assert.Equal(["start resume=0 from=0", "sigterm", "start resume=2 from=2", "exit 0"], Lines(Record));
        Assert.Equal([3, 4, 5], resumedHost.Reports.Select(r => r.Epoch));
        Assert.Equal(MetricsOf(uninterrupted.History), MetricsOf(resumed.History));
    }

    [Fact]
    public async Task MaxSteps_CompletesTheTrial_AndStopsAProgramThatKeepsGoing()
    {
        var host = Host(_directory, "endless");

        var outcome = await RunAsync(Command("--sleep-ms", "20", "--ignore-max-steps", "--record", Record), host, Spec(maxSteps: 3));

        Assert.Equal(TrialOutcomeKind.Completed, outcome.Kind);
        Assert.Equal([1, 2, 3], host.Reports.Select(r => r.Epoch));
        Assert.Equal([1, 2, 3], host.SavedPositions.Select(p => p.Epoch));
        Assert.Equal("sigterm", Lines(Record)[^1]);
    }

    [Fact]
    public async Task Abort_KillsTheProgramAtOnce_AndSavesNoCheckpoint()
    {
        using var abort = new CancellationTokenSource();
        var host = new ScriptedTrialHost(Store(_directory, "aborted")) { AfterReport = r => { if (r.Epoch == 2) abort.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync(Command("--sleep-ms", "100", "--record", Record, "--pid-file", PidFile), host, Spec(maxSteps: 50), abort: abort.Token));

        Assert.Equal([1], host.SavedPositions.Select(p => p.Epoch));
        Assert.True(await EventuallyAsync(() => !ProcessState.IsRunning(ReadPid(PidFile))));
        Assert.Equal(["start resume=0 from=0"], Lines(Record));
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++) await Task.Delay(100);
        return condition();
    }
}
