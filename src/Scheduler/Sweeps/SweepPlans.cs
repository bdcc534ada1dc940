using System.Collections.Concurrent;
using Tuner.Scheduler.Definitions;

namespace Tuner.Scheduler.Sweeps;

/// <summary>Parses each sweep's stored definition once per process; definitions never change after submission.</summary>
public sealed class SweepPlans
{
    private readonly ConcurrentDictionary<long, SweepPlan> plans = new();

    public SweepPlan For(long sweepId, string definitionText) => plans.GetOrAdd(sweepId, _ => Parse(definitionText));

    private static SweepPlan Parse(string definitionText)
    {
        var result = SweepDefinitionParser.Parse(definitionText);
        if (result.Definition is null)
        {
            var problems = string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"));
            throw new InvalidOperationException($"stored sweep definition no longer parses: {problems}");
        }

        return SweepPlan.From(result.Definition);
    }
}
