using Tuner.Trainer.Commands;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Workloads;
using static Tuner.Trainer.Tests.Commands.TestProgram;

namespace Tuner.Trainer.Tests.Commands;

/// <summary>A command workload's evaluate command: a real script re-scores a stored checkpoint on the data it is given.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandEvaluationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public CommandEvaluationTests() => Directory.CreateDirectory(DataDirectory);

    public void Dispose() => _directory.Dispose();

    private string DataDirectory => Path.Join(_directory.Path, "data");

    /// <summary>What the script saw: its arguments, working directory and Tuner's variables, one per line.</summary>
    private string Record => Path.Join(_directory.Path, "record.txt");

    [Fact]
    public async Task Evaluate_RunsTheEvaluateCommandOnATrialsCheckpoint_AndReturnsTheMetricsItPrinted()
    {
        // A real trial: its program leaves the "model" 0.75 in its checkpoint directory at step 2.
        var host = Host(_directory, "trial");
        var training = "printf 0.5 > \"$TUNER_CHECKPOINT_DIR/model.txt\"; echo '{{\"tuner\": {{\"step\": 1, \"loss\": 0.5}}}}'; " +
            "printf 0.75 > \"$TUNER_CHECKPOINT_DIR/model.txt\"; echo '{{\"tuner\": {{\"step\": 2, \"loss\": 0.25}}}}'";
        var spec = Spec(maxSteps: 2, seed: 11, learningRate: 0.25);
        await RunAsync(new CommandWorkload(["sh", "-c", training]), host, spec);
        File.WriteAllText(Path.Join(DataDirectory, "validation.txt"), "0.93");
        var workload = Workload(
            """
            echo "weights $(cat "$TUNER_CHECKPOINT_DIR/model.txt")" >> "$RECORD"
            echo 'scoring the validation data'
            echo "{\"tuner\": {\"val_accuracy\": $(cat "$TUNER_DATA_DIR/validation.txt"), \"weights\": $(cat "$TUNER_CHECKPOINT_DIR/model.txt")}}"
            """,
            "--lr", "{learning_rate}", "--literal", "{{braces}}");

        await using var checkpoint = await host.OpenLatestCheckpointAsync(CancellationToken.None);
        var metrics = await CommandEvaluation.EvaluateAsync(workload, spec, Environment(), checkpoint!, CancellationToken.None);

        Assert.Equal(new Dictionary<string, double> { ["val_accuracy"] = 0.93, ["weights"] = 0.75 }, metrics);
        var seen = Seen();
        Assert.Equal("--lr 0.25 --literal {braces}", seen["args"]);
        Assert.Equal("1", seen["TUNER_EVALUATE"]);
        Assert.Equal("2", seen["TUNER_RESUME_STEP"]);
        Assert.Equal("2", seen["TUNER_MAX_STEPS"]);
        Assert.Equal("11", seen["TUNER_SEED"]);
        Assert.Equal("{\"learning_rate\":0.25}", seen["TUNER_PARAMS_JSON"]);
        Assert.Equal(DataDirectory, seen["TUNER_DATA_DIR"]);
        Assert.Equal(("3", "cpu", ""), (seen["TUNER_THREADS"], seen["TUNER_DEVICE"], seen["TUNER_TRIAL_ID"]));
        Assert.Equal(_directory.Path, seen["cwd"]);
        Assert.Equal("0.75", seen["weights"]);
        Assert.False(Directory.Exists(Path.GetDirectoryName(seen["TUNER_CHECKPOINT_DIR"])), "the temporary folder is deleted afterwards");
    }

    [Fact]
    public async Task Evaluate_ReadsKeyValueLines_AndTheLastValueOfEachMetricWins()
    {
        var workload = Workload(
            """
            echo 'loading the model'
            echo '2024-05-06T07:08:09Z val_accuracy=0.5 val_loss=1.5'
            echo 'val_accuracy=0.875'
            """) with { Metrics = CommandMetricsFormat.KeyValue() };

        var metrics = await EvaluateAsync(workload);

        Assert.Equal(new Dictionary<string, double> { ["val_accuracy"] = 0.875, ["val_loss"] = 1.5 }, metrics);
    }

    [Fact]
    public async Task Evaluate_ReadsJsonLinesWithOrWithoutAStep_AndTheLastValueOfEachMetricWins()
    {
        var workload = Workload(
            """
            echo '{"tuner": {"step": 4, "val_accuracy": 0.5, "val_loss": 1.5}}'
            echo '{"tuner": {"val_accuracy": 0.875}, "logger": "eval"}'
            """);

        var metrics = await EvaluateAsync(workload);

        Assert.Equal(new Dictionary<string, double> { ["val_accuracy"] = 0.875, ["val_loss"] = 1.5 }, metrics);
    }

    [Fact]
    public async Task Evaluate_ReadsTheMetricsFile_WhenMetricsComeFromOne()
    {
        var workload = Workload("""echo '{"tuner": {"auc": 0.81}}' >> "$TUNER_METRICS_FILE"; echo '{"tuner": {"auc": 0.1}}'""")
            with { Metrics = CommandMetricsFormat.File("eval-metrics.jsonl") };

        var metrics = await EvaluateAsync(workload);

        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.81 }, metrics);
    }

    [Fact]
    public async Task NonZeroExit_FailsQuotingTheLastStderrLines_AndDeletesTheTemporaryFolder()
    {
        var workload = Workload(
            """
            echo '{"tuner": {"val_accuracy": 0.9}}'
            echo 'loading model.pt' >&2; echo 'RuntimeError: CUDA out of memory' >&2
            exit 3
            """) with { StderrLinesKept = 1 };

        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(workload));

        Assert.Equal("the evaluate command's program './evaluate.sh' exited with code 3; the last line of its stderr:\nRuntimeError: CUDA out of memory", failure.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(Seen()["TUNER_CHECKPOINT_DIR"])), "the temporary folder is deleted afterwards");
    }

    [Fact]
    public async Task NoMetrics_FailsSayingWhatWasExpected()
    {
        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(Workload("echo 'accuracy: 0.9'")));

        Assert.Equal(
            "the evaluate command's program './evaluate.sh' exited without printing any metrics " +
            "(expected a JSON line like {\"tuner\": {\"<metric>\": ...}} on stdout); it wrote nothing to stderr",
            failure.Message);
    }

    [Fact]
    public async Task MalformedLine_FailsNamingTheLine()
    {
        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(Workload("""echo '{"tuner": {"val_accuracy": NaN}}'""")));

        Assert.StartsWith("the program printed a malformed metrics line (it is not valid JSON (NaN and Infinity are not JSON", failure.Message);
        Assert.EndsWith("): {\"tuner\": {\"val_accuracy\": NaN}}", failure.Message);
    }

    [Fact]
    public async Task NoEvaluateCommand_FailsSayingSo()
    {
        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(new CommandWorkload(["python3", "train.py"])));

        Assert.Equal("the command workload names no `evaluate` command, so its checkpoints cannot be re-scored", failure.Message);
    }

    [Fact]
    public async Task ProgramNotFound_FailsNamingItAndThePathSearched()
    {
        var workload = new CommandWorkload(["python3", "train.py"])
        {
            Evaluate = ["tuner-no-such-program-7f3a", "--evaluate"],
            Environment = new Dictionary<string, string> { ["PATH"] = "/nowhere:/usr/bin" },
        };

        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(workload));

        Assert.Equal("the command's program 'tuner-no-such-program-7f3a' was not found on PATH (/nowhere:/usr/bin)", failure.Message);
    }

    [Fact]
    public async Task ACheckpointOfAnotherWorkload_IsRefused()
    {
        var failure = await Assert.ThrowsAsync<WorkloadException>(() => EvaluateAsync(Workload("exit 0"), workload: "mnist-mlp"));

        Assert.Equal("the checkpoint must be a command trial's, but it is for workload 'mnist-mlp'", failure.Message);
    }

    [Fact]
    public async Task Cancellation_StopsTheProgramWithSigterm_AndDeletesTheTemporaryFolder()
    {
        var started = Path.Join(_directory.Path, "started");
        var terminated = Path.Join(_directory.Path, "terminated");
        var workload = Workload(
            $"""
            trap 'echo SIGTERM > "{terminated}"; exit 143' TERM
            touch "{started}"
            while true; do sleep 0.05; done
            """);
        using var cancel = new CancellationTokenSource();
        var evaluation = EvaluateAsync(workload, ct: cancel.Token);
        while (!File.Exists(started) && !evaluation.IsCompleted) await Task.Delay(20);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => evaluation);
        Assert.Equal(["SIGTERM"], Lines(terminated));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Seen()["TUNER_CHECKPOINT_DIR"])), "the temporary folder is deleted afterwards");
    }

    /// <summary>A workload whose evaluate command is ./evaluate.sh in the test's folder: it records what it was given
    /// (<see cref="Seen"/>), then runs <paramref name="body"/>.</summary>
    private CommandWorkload Workload(string body, params string[] arguments)
    {
        var script = Path.Join(_directory.Path, "evaluate.sh");
        File.WriteAllText(script,
            $$"""
            #!/bin/sh
            RECORD='{{Record}}'
            {
              echo "args $*"
              echo "cwd $(pwd)"
              for name in TUNER_EVALUATE TUNER_CHECKPOINT_DIR TUNER_RESUME_STEP TUNER_MAX_STEPS TUNER_SEED TUNER_PARAMS_JSON TUNER_DATA_DIR TUNER_THREADS TUNER_DEVICE TUNER_TRIAL_ID; do
                echo "$name $(printenv "$name")"
              done
            } > "$RECORD"
            {{body}}

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new CommandWorkload(["sh", "-c", "exit 1"], WorkingDirectory: _directory.Path) { Evaluate = ["./evaluate.sh", .. arguments], StopGrace = Grace };
    }

    private Dictionary<string, string> Seen() =>
        Lines(Record).ToDictionary(l => l.Split(' ', 2)[0], l => l.Split(' ', 2) is [_, var value] ? value : "");

    private TrainingEnvironment Environment() => new(DataDirectory, Threads: 3);

    /// <summary>Evaluates a checkpoint made the way a command trial makes one: its checkpoint directory (a model.txt)
    /// archived by <see cref="DirectoryArchive"/> in a <see cref="TrialCheckpoint"/>.</summary>
    private async Task<IReadOnlyDictionary<string, double>> EvaluateAsync(
        CommandWorkload command, string workload = CommandWorkload.Kind, CancellationToken ct = default)
    {
        var state = Directory.CreateDirectory(Path.Join(_directory.Path, "state")).FullName;
        File.WriteAllText(Path.Join(state, "model.txt"), "0.5");
        using var checkpoint = new MemoryStream();
        await new TrialCheckpoint(workload, 7, new TrainingPosition(3, 0), [], PartialEpoch.Empty, DirectoryArchive.Create(state))
            .WriteToAsync(checkpoint, CancellationToken.None);
        checkpoint.Position = 0;
        return await CommandEvaluation.EvaluateAsync(command, Spec(), Environment(), checkpoint, ct);
    }
}
