using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tuner.Workloads;

namespace Tuner.Trainer.Commands;

/// <summary>The environment a command's program runs in: the worker's, less its <c>TUNER_*</c> variables, plus the
/// workload's own variables, plus Tuner's (docs/command-workload.md lists them).</summary>
internal static class CommandEnvironment
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Apply(
        IDictionary<string, string?> variables, CommandWorkload command, TrialSpec spec, TrainingEnvironment env,
        CommandRunPaths paths, int resumeStep, string? trialId)
    {
        foreach (var name in variables.Keys.Where(k => k.StartsWith("TUNER_", StringComparison.Ordinal)).ToList()) variables.Remove(name);
        // Python buffers stdout when it is a pipe, which would hold metrics lines back until the program exits.
        variables.TryAdd("PYTHONUNBUFFERED", "1");
        foreach (var (name, value) in command.Environment ?? new Dictionary<string, string>()) variables[name] = value;

        if (trialId is not null) variables[CommandVariables.TrialId] = trialId;
        variables[CommandVariables.ParamsJson] = ParamsJson(spec.Params);
        variables[CommandVariables.CheckpointDirectory] = paths.CheckpointDirectory;
        variables[CommandVariables.ResumeStep] = resumeStep.ToString(CultureInfo.InvariantCulture);
        variables[CommandVariables.MaxSteps] = spec.MaxEpochs.ToString(CultureInfo.InvariantCulture);
        variables[CommandVariables.Seed] = spec.Seed.ToString(CultureInfo.InvariantCulture);
        variables[CommandVariables.StopFile] = paths.StopFile;
        variables[CommandVariables.DataDirectory] = env.DataDirectory;
        variables[CommandVariables.Threads] = env.Threads.ToString(CultureInfo.InvariantCulture);
        variables[CommandVariables.Device] = env.Device;
        if (paths.MetricsFile is not null) variables[CommandVariables.MetricsFile] = paths.MetricsFile;
    }

    /// <summary>The parameters as one JSON object, keys in ordinal order.</summary>
    public static string ParamsJson(IReadOnlyDictionary<string, object> parameters) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object>(parameters.ToDictionary(), StringComparer.Ordinal), Json);
}
