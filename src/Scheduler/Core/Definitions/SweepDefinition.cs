using Tuner.Search.Pruners;
using Tuner.Search.Spaces;

namespace Tuner.Core.Definitions;

/// <summary>A validated sweep: what to train, what to optimise, where to search and how much to spend.</summary>
/// <remarks>Built only by <see cref="SweepDefinitionParser"/>, which checks every rule in docs/sweep-definition.md.</remarks>
public sealed record SweepDefinition(
    string Name,
    WorkloadSection Workload,
    ObjectiveSection Objective,
    IReadOnlyList<ParameterSpec> Space,
    SamplerSection Sampler,
    PrunerOptions Pruner,
    BudgetSection Budget,
    CheckpointSection Checkpoints,
    CapacitySection Capacity,
    IReadOnlyDictionary<string, string> Labels,
    WarmStartSection? WarmStart = null);
