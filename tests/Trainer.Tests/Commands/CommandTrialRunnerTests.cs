using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;
using static Tuner.Trainer.Tests.Commands.TestProgram;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>Runs of the real test program (tests/Trainer.Tests.CommandProgram) that go to their end.</summary>
public sealed class CommandTrialRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_ReportsEveryStepOnce_CheckpointsEach_AndCompletes()
    {
        var host = Host(_directory, "plain");
        var log = new StringWriter();

        var outcome = await RunAsync(Command(), host, log: log);

        Assert.Equal(TrialOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(new TrainingPosition(4, 0), outcome.Position);
        Assert.Equal(4, outcome.EpochsTrained);
        Assert.Equal([1, 2, 3, 4], host.Reports.Select(r => r.Epoch));
        Assert.All(host.Reports, r => Assert.Equal(["val_accuracy", "val_loss"], r.Metrics.Keys.Order()));
        Assert.Equal(0.907, host.Reports[0].Metrics["val_loss"], 12);
        Assert.Equal([1, 2, 3, 4], host.SavedPositions.Select(p => p.Epoch));
        var checkpoint = await LatestCheckpointAsync(host);
        Assert.Equal((CommandWorkload.Kind, 7, new TrainingPosition(4, 0), 4), (checkpoint.Workload, checkpoint.Seed, checkpoint.Position, checkpoint.History.Count));
        Assert.Contains("training step 1 done", log.ToString());
        Assert.DoesNotContain("\"tuner\"", log.ToString());
    }

    [Fact]
    public async Task Run_GivesTheProgramItsArgumentsVerbatimAndTheTunerVariables()
    {
        var envFile = Path.Join(_directory.Path, "env.txt");
        var workingDirectory = Directory.CreateDirectory(Path.Join(_directory.Path, "work")).FullName;
        var command = Command("--env-file", envFile, "--arg", "; rm -rf / #", "--arg", "$(whoami) 'single' \"double\" {{braces}}") with
        {
            WorkingDirectory = workingDirectory,
            Environment = new Dictionary<string, string> { ["EXTRA"] = "from the workload", ["TUNER_SEED"] = "overridden" },
        };
        Environment.SetEnvironmentVariable("TUNER_WORKER_SECRET", "not for the program");
        try
        {
            await RunAsync(command, Host(_directory, "env"), Spec(maxSteps: 2, seed: 11, learningRate: 0.25));
        }
        finally
        {
            Environment.SetEnvironmentVariable("TUNER_WORKER_SECRET", null);
        }

        var lines = Lines(envFile);
        var variables = lines.Where(l => !l.StartsWith("arg=", StringComparison.Ordinal)).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        Assert.Equal("trial-42", variables["TUNER_TRIAL_ID"]);
        Assert.Equal("{\"learning_rate\":0.25}", variables["TUNER_PARAMS_JSON"]);
        Assert.Equal("0", variables["TUNER_RESUME_STEP"]);
        Assert.Equal("2", variables["TUNER_MAX_STEPS"]);
        Assert.Equal("11", variables["TUNER_SEED"]);
        Assert.Equal("1", variables["PYTHONUNBUFFERED"]);
        Assert.Equal("from the workload", variables["EXTRA"]);
        Assert.Equal(workingDirectory, variables["cwd"]);
        Assert.Equal(Path.Join(Path.GetDirectoryName(variables["TUNER_CHECKPOINT_DIR"]), "stop"), variables["TUNER_STOP_FILE"]);
        Assert.False(variables.ContainsKey("TUNER_WORKER_SECRET"));
        Assert.False(Directory.Exists(variables["TUNER_CHECKPOINT_DIR"]), "the run's private folder is deleted when it ends");
        Assert.Equal(
            ["arg=--lr", "arg=0.25", "arg=--env-file", $"arg={envFile}", "arg=--arg", "arg=; rm -rf / #", "arg=--arg", "arg=$(whoami) 'single' \"double\" {braces}"],
            lines.Where(l => l.StartsWith("arg=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Resume_AfterTheProgramIsKilled_ReportsOnlyNewSteps_AndEndsWithTheSameMetricsAsAnUninterruptedRun()
    {
        var uninterrupted = await RunAsync(Command(), Host(_directory, "uninterrupted"), Spec(maxSteps: 5));
        var pidFile = Path.Join(_directory.Path, "pid");
        var record = Path.Join(_directory.Path, "record");
        var command = Command("--sleep-ms", "50", "--pid-file", pidFile, "--record", record, "--repeat-last");
        var killingHost = new ScriptedTrialHost(Store(_directory, "crashed"))
        {
            AfterReport = r =>
            {
                if (r.Epoch == 2) System.Diagnostics.Process.GetProcessById(ReadPid(pidFile)).Kill();
            },
        };

        // Step 3 takes 10 s in the first run, so the kill at step 2 lands before the program can print it.
        var crashing = command with { Command = [.. command.Command, "--slow-from", "3"] };

        var crash = await Assert.ThrowsAsync<TrialFailedException>(() => RunAsync(crashing, killingHost, Spec(maxSteps: 5)));
        var resumedHost = new ScriptedTrialHost(Store(_directory, "crashed"));
        var resumed = await RunAsync(command, resumedHost, Spec(maxSteps: 5));

        Assert.StartsWith("the program 'dotnet' was killed by signal 9 (SIGKILL) (exit code 137; ", crash.Message);
        Assert.Equal([1, 2], killingHost.SavedPositions.Select(p => p.Epoch));
        Assert.Equal(TrialOutcomeKind.Completed, resumed.Kind);
        Assert.Equal([3, 4, 5], resumedHost.Reports.Select(r => r.Epoch));
        Assert.Equal(3, resumed.EpochsTrained);
        Assert.Equal(MetricsOf(uninterrupted.History), MetricsOf(resumed.History));
        Assert.Equal(["start resume=0 from=0", "start resume=2 from=2", "exit 0"], Lines(record));
    }

    [Fact]
    public async Task Resume_OfAProgramThatDoesNotCheckpoint_IgnoresTheStepsItRepeats()
    {
        var uninterrupted = await RunAsync(Command("--no-checkpoint"), Host(_directory, "uninterrupted"));
        var firstHost = new ScriptedTrialHost(Store(_directory, "preempted")) { PreemptAfterEpoch = 2 };
        var command = Command("--no-checkpoint", "--sleep-ms", "50");

        var preempted = await RunAsync(command with { Command = [.. command.Command, "--slow-from", "3"] }, firstHost, preemption: firstHost.Preemption.Token);
        var resumedHost = new ScriptedTrialHost(Store(_directory, "preempted"));
        var resumed = await RunAsync(command, resumedHost);

        Assert.Equal(TrialOutcomeKind.Preempted, preempted.Kind);
        Assert.Empty((await LatestCheckpointAsync(firstHost)).State);
        Assert.Equal([3, 4], resumedHost.Reports.Select(r => r.Epoch));
        Assert.Equal(MetricsOf(uninterrupted.History), MetricsOf(resumed.History));
    }
}
