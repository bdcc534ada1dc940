using Tuner.Core.Definitions;
using Tuner.Core.Workloads;
using Tuner.Trainer.Workloads;

namespace Tuner.TestSupport.Sweeps;

/// <summary>Reads definitions the way the server does, against the built-in workloads (tests that need a plugin load
/// one through the scheduler's own catalog).</summary>
public static class DefinitionReading
{
    public static IWorkloadCatalog BuiltIns { get; } = new BuiltInCatalog();

    public static DefinitionParseResult Parse(string text, DefinitionFormat format = DefinitionFormat.Auto, DefinitionLimits? limits = null) =>
        SweepDefinitionParser.ParseAsync(text, BuiltIns, CancellationToken.None, format, limits).GetAwaiter().GetResult();

    public static SweepDefinition Valid(string text) =>
        Parse(text).Definition ?? throw new InvalidOperationException($"not a valid definition: {string.Join("; ", Parse(text).Problems.Select(p => p.Message))}");

    private sealed class BuiltInCatalog : IWorkloadCatalog
    {
        public IReadOnlyList<string> Kinds { get; } = [.. BuiltInWorkloads.Kinds, WorkloadKinds.Plugin];

        public Task<WorkloadResolution> ResolveAsync(WorkloadReference reference, CancellationToken ct) => Task.FromResult(
            BuiltInWorkloads.Find(reference.Kind) is { } workload
                ? WorkloadResolution.Found(workload)
                : WorkloadResolution.Failed("bundle", "this test reads definitions against the built-in workloads only"));
    }
}
