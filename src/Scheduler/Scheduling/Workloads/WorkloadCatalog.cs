using Tuner.Core.Workloads;
using Tuner.Trainer.Plugins;
using Tuner.Trainer.Workloads;

namespace Tuner.Scheduling.Workloads;

/// <summary>
/// The workloads a sweep may name here: the built-in kinds, and plugins fetched from the artifact store through the
/// machine's bundle cache and loaded in their own load context. The server resolves through it at submission (so a bad
/// plugin is a 400 with its reason), and so does every worker before it trains.
/// </summary>
public sealed class WorkloadCatalog(BundleCache bundles, PluginLoader loader) : IWorkloadCatalog
{
    public IReadOnlyList<string> Kinds { get; } = [.. BuiltInWorkloads.Kinds, WorkloadKinds.Plugin];

    public async Task<WorkloadResolution> ResolveAsync(WorkloadReference reference, CancellationToken ct)
    {
        if (BuiltInWorkloads.Find(reference.Kind) is { } builtIn) return WorkloadResolution.Found(builtIn);
        if (reference.Kind != WorkloadKinds.Plugin)
            return WorkloadResolution.Failed("kind", $"unknown workload '{reference.Kind}'; known: {string.Join(", ", Kinds)}");
        if (reference.Bundle is not { } bundle) return WorkloadResolution.Failed("bundle", "a plugin needs bundle: sha256:…");

        try
        {
            var folder = await bundles.GetAsync(bundle.Hex, ct);
            return WorkloadResolution.Found(loader.Load(folder, reference.Type, bundle.ToString()));
        }
        catch (PluginException e)
        {
            return WorkloadResolution.Failed(e.ConcernsType ? "type" : "bundle", e.Message);
        }
    }
}
