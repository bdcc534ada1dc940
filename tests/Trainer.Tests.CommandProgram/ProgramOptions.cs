using System.Globalization;

namespace Tuner.Trainer.Tests.CommandProgram;

/// <summary>The test program's switches; see <see cref="Usage"/>.</summary>
internal sealed class ProgramOptions
{
    public const string Usage = """
        --lr VALUE             the learning rate (a double; default 0.1)
        --sleep-ms N           sleep before each step
        --slow-from STEP       sleep 10 s before STEP and every step after it (so a test's signal lands before STEP)
        --record FILE          append what happens (start, SIGTERM, stop file, exit) to FILE
        --pid-file FILE        write the process id to FILE at start
        --env-file FILE        write the TUNER_* variables and the arguments to FILE at start
        --format F             json (default) | key-value | key-value-split (one metric a line) | file (TUNER_METRICS_FILE)
        --no-metrics           print no metrics lines
        --no-checkpoint        write nothing into TUNER_CHECKPOINT_DIR and always start from step 1
        --repeat-last          after resuming, print the restored step's metrics line again first
        --fail-at STEP         at STEP, write --stderr-lines lines to stderr and exit with --exit-code
        --exit-code N          (default 3)
        --stderr-lines N       (default 30)
        --malformed-at STEP    print a broken metrics line instead of STEP's
        --ignore-sigterm       record SIGTERM but keep going
        --honor-stop-file      exit 0 at the next step once TUNER_STOP_FILE exists
        --ignore-max-steps     keep training past TUNER_MAX_STEPS
        --spawn-child FILE     start a child process that sleeps forever; write its pid to FILE
        --sleep-forever        (the child) sleep until killed
        """;

    public double LearningRate { get; private set; } = 0.1;
    public int SleepMs { get; private set; }
    public int? SlowFrom { get; private set; }
    public string? Record { get; private set; }
    public string? PidFile { get; private set; }
    public string? EnvFile { get; private set; }
    public string Format { get; private set; } = "json";
    public bool NoMetrics { get; private set; }
    public bool NoCheckpoint { get; private set; }
    public bool RepeatLast { get; private set; }
    public int? FailAt { get; private set; }
    public int ExitCode { get; private set; } = 3;
    public int StderrLines { get; private set; } = 30;
    public int? MalformedAt { get; private set; }
    public bool IgnoreSigterm { get; private set; }
    public bool HonorStopFile { get; private set; }
    public bool IgnoreMaxSteps { get; private set; }
    public string? SpawnChild { get; private set; }
    public bool SleepForever { get; private set; }

    public static ProgramOptions Parse(string[] args)
    {
        var options = new ProgramOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--lr": options.LearningRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sleep-ms": options.SleepMs = NextInt(); break;
                case "--slow-from": options.SlowFrom = NextInt(); break;
                case "--record": options.Record = Next(); break;
                case "--pid-file": options.PidFile = Next(); break;
                case "--env-file": options.EnvFile = Next(); break;
                case "--format": options.Format = Next(); break;
                case "--no-metrics": options.NoMetrics = true; break;
                case "--no-checkpoint": options.NoCheckpoint = true; break;
                case "--repeat-last": options.RepeatLast = true; break;
                case "--fail-at": options.FailAt = NextInt(); break;
                case "--exit-code": options.ExitCode = NextInt(); break;
                case "--stderr-lines": options.StderrLines = NextInt(); break;
                case "--malformed-at": options.MalformedAt = NextInt(); break;
                case "--ignore-sigterm": options.IgnoreSigterm = true; break;
                case "--honor-stop-file": options.HonorStopFile = true; break;
                case "--ignore-max-steps": options.IgnoreMaxSteps = true; break;
                case "--spawn-child": options.SpawnChild = Next(); break;
                case "--sleep-forever": options.SleepForever = true; break;
                case "--arg": Next(); break; // an argument the tests only want to see arrive (--env-file shows it)
                default: throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }
        return options;
    }
}
