using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Data.Entities;
using Tuner.Scheduler.Definitions;

namespace Tuner.Scheduler.Sweeps;

/// <summary>Parses each sweep's stored definition once per process; a sweep's definition and seed never change after
/// submission. Callers get the plan before they take any lock, so a large definition is never parsed under one.</summary>
public sealed class SweepPlans
{
    private readonly ConcurrentDictionary<long, Lazy<SweepPlan>> plans = new();

    public SweepPlan For(Sweep sweep) => For(sweep.Id, sweep.DefinitionText, sweep.Seed);

    /// <summary>The sweep's plan, reading its definition from the database only the first time; null when there is no such sweep.</summary>
    public async Task<SweepPlan?> LoadAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        if (plans.TryGetValue(sweepId, out var cached)) return cached.Value;
        var stored = await db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)
            .Select(s => new { s.DefinitionText, s.Seed }).SingleOrDefaultAsync(ct);
        return stored is null ? null : For(sweepId, stored.DefinitionText, stored.Seed);
    }

    private SweepPlan For(long sweepId, string definitionText, int seed) =>
        plans.GetOrAdd(sweepId, _ => new Lazy<SweepPlan>(() => Parse(definitionText, seed))).Value;

    private static SweepPlan Parse(string definitionText, int seed)
    {
        var result = SweepDefinitionParser.Parse(definitionText, limits: DefinitionLimits.Stored);
        if (result.Definition is null)
        {
            var problems = string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"));
            throw new InvalidOperationException($"stored sweep definition no longer parses: {problems}");
        }

        return SweepPlan.From(result.Definition, seed);
    }
}
