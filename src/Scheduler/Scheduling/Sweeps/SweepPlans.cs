using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Core.Sweeps;

namespace Tuner.Scheduling.Sweeps;

/// <summary>Parses each sweep's stored definition once per process; a sweep's definition and seed never change after
/// submission. Callers get the plan before they take any lock, so a large definition is never parsed under one.
/// The cache is bounded (by definition size, and plans unused for a while are dropped), so a long-lived server that
/// has seen many sweeps does not keep every plan; a dropped plan is parsed again on its next use.</summary>
public sealed class SweepPlans : IDisposable
{
    /// <summary>The cache's capacity in KiB of definition text (each plan counts at least 1).</summary>
    private const long CapacityKib = 64 * 1024;
    private static readonly TimeSpan UnusedFor = TimeSpan.FromMinutes(30);

    private readonly MemoryCache plans = new(new MemoryCacheOptions { SizeLimit = CapacityKib });

    public SweepPlan For(Sweep sweep) => For(sweep.Id, sweep.DefinitionText, sweep.Seed);

    /// <summary>The sweep's plan, reading its definition from the database only the first time; null when there is no such sweep.</summary>
    public async Task<SweepPlan?> LoadAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        if (plans.TryGetValue(sweepId, out Lazy<SweepPlan>? cached) && cached is not null) return cached.Value;
        var stored = await db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)
            .Select(s => new { s.DefinitionText, s.Seed }).SingleOrDefaultAsync(ct);
        return stored is null ? null : For(sweepId, stored.DefinitionText, stored.Seed);
    }

    private SweepPlan For(long sweepId, string definitionText, int seed)
    {
        var plan = plans.GetOrCreate(sweepId, entry =>
        {
            entry.Size = Math.Max(1, definitionText.Length / 1024);
            entry.SlidingExpiration = UnusedFor;
            return new Lazy<SweepPlan>(() => Parse(definitionText, seed));
        });
        return plan!.Value;
    }

    /// <summary>How many plans the cache holds now (for tests).</summary>
    internal int CachedPlans => plans.Count;

    public void Dispose() => plans.Dispose();

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
