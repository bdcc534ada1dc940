namespace Tuner.Core.Workloads;

/// <summary>The kinds a definition names that are not one workload but a way to bring one.</summary>
public static class WorkloadKinds
{
    /// <summary>A team's own TorchSharp model: <c>workload: { kind: plugin, bundle: sha256:…, type: … }</c>.</summary>
    public const string Plugin = "plugin";

    /// <summary>Any training program: <c>workload: { kind: command, command: [python3, train.py, --lr, "{learning_rate}"] }</c>.</summary>
    public const string Command = "command";
}
