namespace Tuner.Workloads;

/// <summary>The environment variables a command workload's program is given (docs/command-workload.md): the program's
/// side of the command contract, as <see cref="IWorkload"/> is a plugin's.</summary>
public static class CommandVariables
{
    /// <summary>The trial's id.</summary>
    public const string TrialId = "TUNER_TRIAL_ID";

    /// <summary>The trial's parameters as one JSON object.</summary>
    public const string ParamsJson = "TUNER_PARAMS_JSON";

    /// <summary>The directory the program checkpoints into; restored from the latest checkpoint before a resumed run.</summary>
    public const string CheckpointDirectory = "TUNER_CHECKPOINT_DIR";

    /// <summary>The last step in the restored checkpoint; 0 for a fresh run.</summary>
    public const string ResumeStep = "TUNER_RESUME_STEP";

    /// <summary>The most steps the trial takes (the workload's max_epochs).</summary>
    public const string MaxSteps = "TUNER_MAX_STEPS";

    /// <summary>The trial's seed.</summary>
    public const string Seed = "TUNER_SEED";

    /// <summary>A file Tuner creates when it wants the program to stop (pruned, preempted, max steps reached).</summary>
    public const string StopFile = "TUNER_STOP_FILE";

    /// <summary>The worker's data directory.</summary>
    public const string DataDirectory = "TUNER_DATA_DIR";

    /// <summary>The CPU threads the program may use.</summary>
    public const string Threads = "TUNER_THREADS";

    /// <summary>cpu or cuda.</summary>
    public const string Device = "TUNER_DEVICE";

    /// <summary>The file the program appends metrics lines to, when its metrics come from a file.</summary>
    public const string MetricsFile = "TUNER_METRICS_FILE";

    /// <summary>1 when the program is run as the workload's evaluate command, to re-score the checkpoint in
    /// <see cref="CheckpointDirectory"/> rather than train; unset when it trains.</summary>
    public const string Evaluate = "TUNER_EVALUATE";

    public static IReadOnlyList<string> All { get; } =
        [TrialId, ParamsJson, CheckpointDirectory, ResumeStep, MaxSteps, Seed, StopFile, DataDirectory, Threads, Device, MetricsFile, Evaluate];
}
