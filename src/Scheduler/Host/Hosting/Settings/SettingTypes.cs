using Tuner.Capacity.Aws;
using Tuner.Capacity.Gcp;
using Tuner.Core.Definitions;
using Tuner.Core.Settings;
using Tuner.Scheduler.Cli;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduling.Capacity.Local;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Workers;

namespace Tuner.Scheduler.Hosting.Settings;

/// <summary>Every options class `tuner` reads, in the order the documentation lists them.</summary>
public static class SettingTypes
{
    /// <summary>The settings README's configuration table lists.</summary>
    public static IReadOnlyList<Type> General { get; } =
    [
        typeof(StorageOptions), typeof(CheckpointOptions), typeof(TrainingOptions), typeof(ServerOptions), typeof(Tuner.Scheduling.Access.AccessOptions), typeof(ClientOptions),
        typeof(LeaseOptions), typeof(LocalWorkerOptions), typeof(WorkerOptions), typeof(DefinitionLimits),
        typeof(Tuner.Scheduling.Costs.CostOptions), typeof(Tuner.Scheduling.Webhooks.WebhookOptions),
    ];

    /// <summary>The settings docs/cloud-capacity.md's table lists.</summary>
    public static IReadOnlyList<Type> Cloud { get; } = [typeof(DeploymentOptions), typeof(AwsSettings), typeof(GcpSettings)];

    /// <summary>Every setting of every options class.</summary>
    public static IReadOnlyList<Setting> All { get; } = [.. General.Concat(Cloud).SelectMany(SettingCatalog.Of)];
}
