using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Tuner.Trainer.Tests.CommandProgram;

// A deterministic stand-in for a training program: the "loss" x follows x ← x·(1 − lr) + (seed mod 10)/(1000·step)
// from x = 1, so the metrics are a pure function of --lr, TUNER_SEED and the step, and a resumed run that restores x
// from its checkpoint reports exactly what an uninterrupted one does.
var options = ProgramOptions.Parse(args);
if (options.SleepForever)
{
    Thread.Sleep(Timeout.Infinite);
    return 0;
}

var checkpointDirectory = Variable("TUNER_CHECKPOINT_DIR");
var maxSteps = int.Parse(Variable("TUNER_MAX_STEPS"), CultureInfo.InvariantCulture);
var seed = int.Parse(Variable("TUNER_SEED"), CultureInfo.InvariantCulture);
var resumeStep = Variable("TUNER_RESUME_STEP");
var stopFile = Variable("TUNER_STOP_FILE");
var statePath = Path.Combine(checkpointDirectory, "state.txt");

if (options.PidFile is { } pidFile) File.WriteAllText(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
if (options.EnvFile is { } envFile)
{
    var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("TUNER_", StringComparison.Ordinal) || k == "PYTHONUNBUFFERED" || k == "EXTRA")
        .Order(StringComparer.Ordinal).Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
    File.WriteAllLines(envFile, [.. variables, .. args.Select(a => $"arg={a}"), $"cwd={Environment.CurrentDirectory}"]);
}
if (options.SpawnChild is { } childPidFile)
{
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [typeof(ProgramOptions).Assembly.Location, "--sleep-forever"]))!;
    File.WriteAllText(childPidFile, child.Id.ToString(CultureInfo.InvariantCulture));
}

var step = 0;
var x = 1.0;
if (!options.NoCheckpoint && File.Exists(statePath))
{
    var saved = File.ReadAllText(statePath).Split(' ');
    step = int.Parse(saved[0], CultureInfo.InvariantCulture);
    x = double.Parse(saved[1], CultureInfo.InvariantCulture);
}
Record($"start resume={resumeStep} from={step}");

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    if (options.IgnoreSigterm)
    {
        Record("sigterm ignored");
        return;
    }
    Record("sigterm");
    if (!options.NoCheckpoint) File.WriteAllText(Path.Combine(checkpointDirectory, "on-sigterm.txt"), $"stopped after step {Volatile.Read(ref step)}");
    Environment.Exit(0);
});

if (options.RepeatLast && step > 0) PrintMetrics(step, x);
while (step < maxSteps || options.IgnoreMaxSteps)
{
    Thread.Sleep(step + 1 >= options.SlowFrom ? 10_000 : options.SleepMs);
    if (options.HonorStopFile && File.Exists(stopFile))
    {
        Record("stop file");
        return 0;
    }

    var next = step + 1;
    x = x * (1 - options.LearningRate) + (seed % 10) / (1000.0 * next);
    if (next == options.FailAt)
    {
        for (var i = 1; i <= options.StderrLines; i++) Console.Error.WriteLine($"error line {i}");
        return options.ExitCode;
    }
    if (!options.NoCheckpoint) Checkpoint(next, x);
    Volatile.Write(ref step, next);
    Console.WriteLine($"training step {next} done"); // a log line, not metrics
    if (next == options.MalformedAt) Console.WriteLine("{\"tuner\": {\"step\": " + next + ", \"val_accuracy\": }}");
    else if (!options.NoMetrics) PrintMetrics(next, x);
}
Record("exit 0");
return 0;

void Checkpoint(int at, double value)
{
    // Written to a temporary name and renamed, as docs/command-workload.md asks, before the step's line is printed.
    Directory.CreateDirectory(Path.Combine(checkpointDirectory, "notes"));
    File.WriteAllText(Path.Combine(checkpointDirectory, "notes", "last-step.txt"), at.ToString(CultureInfo.InvariantCulture));
    var temporary = statePath + ".tmp";
    File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{at} {value:R}"));
    File.Move(temporary, statePath, overwrite: true);
}

void PrintMetrics(int at, double value)
{
    var accuracy = (1 - value).ToString("R", CultureInfo.InvariantCulture);
    var loss = value.ToString("R", CultureInfo.InvariantCulture);
    switch (options.Format)
    {
        case "json":
            Console.WriteLine(JsonLine(at, accuracy, loss));
            break;
        case "key-value":
            Console.WriteLine($"2024-01-01T00:00:00Z epoch={at} val_accuracy={accuracy} val_loss={loss}");
            break;
        case "key-value-split":
            Console.WriteLine($"val_loss={loss}");
            Console.WriteLine($"batch_size=64 is not a metric");
            Console.WriteLine($"val_accuracy={accuracy}");
            break;
        case "file":
            File.AppendAllText(Variable("TUNER_METRICS_FILE"), JsonLine(at, accuracy, loss) + "\n");
            break;
        default:
            throw new ArgumentException($"unknown format '{options.Format}'");
    }
}

void Record(string what)
{
    if (options.Record is { } record) File.AppendAllText(record, what + "\n");
}

static string JsonLine(int at, string accuracy, string loss) =>
    "{\"tuner\": {\"step\": " + at.ToString(CultureInfo.InvariantCulture) + ", \"val_accuracy\": " + accuracy + ", \"val_loss\": " + loss + "}}";

static string Variable(string name) =>
    Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set");
