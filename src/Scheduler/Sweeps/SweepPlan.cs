using Tuner.Scheduler.Definitions;
using Tuner.Search;
using Tuner.Search.Pruners;
using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Scheduler.Sweeps;

/// <summary>A stored sweep definition turned into the objects that run it: space, sampler, pruner, objective.</summary>
public sealed record SweepPlan(SweepDefinition Definition, SearchSpace Space, ISampler Sampler, IPruner Pruner)
{
    public StudyDirection Direction => Definition.Objective.Direction;

    public string Metric => Definition.Objective.Metric;

    public static SweepPlan From(SweepDefinition definition) => new(
        definition,
        SearchSpace.Create(definition.Space),
        SamplerCatalog.Create(definition.Sampler.Kind, definition.Sampler.Seed),
        PrunerCatalog.Create(definition.Pruner));

    /// <summary>True when <paramref name="candidate"/> is better than <paramref name="incumbent"/> for this objective.</summary>
    public bool IsBetter(double candidate, double? incumbent) =>
        !double.IsNaN(candidate)
        && (incumbent is null || (Direction == StudyDirection.Maximize ? candidate > incumbent : candidate < incumbent));
}
