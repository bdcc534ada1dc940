using Tuner.Core.Definitions;
using Tuner.Core.Trials;
using Tuner.Search;
using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Core.Sweeps;

/// <summary>A stored sweep definition turned into the objects that run it: space, sampler, pruner, objective.</summary>
/// <param name="Seed">The sweep's stored seed: the sampler's, and the base of every trial's training seed.</param>
public sealed record SweepPlan(SweepDefinition Definition, int Seed, SearchSpace Space, ISampler Sampler, IPruner Pruner)
{
    public StudyDirection Direction => Definition.Objective.Direction;

    public string Metric => Definition.Objective.Metric;

    /// <summary>budget.max_attempts and budget.max_lost_runs, as the trial state machine applies them.</summary>
    public TrialLimits TrialLimits => TrialLimits.Of(Definition.Budget);

    /// <summary>The plan of a sweep stored with <paramref name="seed"/>; the same definition and seed give the same
    /// asks in any process.</summary>
    public static SweepPlan From(SweepDefinition definition, int seed) => new(
        definition,
        seed,
        SearchSpace.Create(definition.Space),
        SamplerCatalog.Create(definition.Sampler.Kind, seed),
        PrunerCatalog.Create(definition.Pruner));

    /// <summary>The training seed of trial <paramref name="number"/> (stable across processes).</summary>
    public int TrialSeed(int number) =>
        (int)((((uint)Seed * 2654435761u) ^ ((uint)number * 40503u + 0x9E3779B9u)) & 0x7FFFFFFF);
}
