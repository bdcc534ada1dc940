using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Definitions;
using Tuner.Core.Sweeps;
using Tuner.Core.Workloads;

namespace Tuner.Scheduling.Sweeps;

/// <summary>Parses each sweep's stored definition once per process; a sweep's definition and seed never change after
/// submission. Callers get the plan before they take any lock, so a large definition is never parsed under one.
/// The cache is bounded (by definition size, and plans unused for a while are dropped), so a long-lived server that
/// has seen many sweeps does not keep every plan; a dropped plan is parsed again on its next use. Parsing resolves the
/// sweep's workload through <paramref name="catalog"/> (for a plugin, from this machine's bundle cache).</summary>
public sealed class SweepPlans(IWorkloadCatalog catalog) : IDisposable
{
    /// <summary>The cache's capacity in KiB of definition text (each plan counts at least 1).</summary>
    private const long CapacityKib = 64 * 1024;
    private static readonly TimeSpan UnusedFor = TimeSpan.FromMinutes(30);

    private readonly MemoryCache plans = new(new MemoryCacheOptions { SizeLimit = CapacityKib });

    public Task<SweepPlan> ForAsync(Sweep sweep, CancellationToken ct) => ForAsync(sweep.Id, sweep.DefinitionText, sweep.Seed, ct);

    /// <summary>The sweep's plan, reading its definition from the database only the first time; null when there is no such sweep.</summary>
    public async Task<SweepPlan?> LoadAsync(TunerDbContext db, long sweepId, CancellationToken ct)
    {
        if (plans.TryGetValue(sweepId, out Lazy<Task<SweepPlan>>? cached) && cached is not null) return await cached.Value;
        var stored = await db.Sweeps.AsNoTracking().Where(s => s.Id == sweepId)
            .Select(s => new { s.DefinitionText, s.Seed }).SingleOrDefaultAsync(ct);
        return stored is null ? null : await ForAsync(sweepId, stored.DefinitionText, stored.Seed, ct);
    }

    private async Task<SweepPlan> ForAsync(long sweepId, string definitionText, int seed, CancellationToken ct)
    {
        var plan = plans.GetOrCreate(sweepId, entry =>
        {
            entry.Size = Math.Max(1, definitionText.Length / 1024);
            entry.SlidingExpiration = UnusedFor;
            return new Lazy<Task<SweepPlan>>(() => ParseAsync(definitionText, seed, CancellationToken.None));
        })!;
        try
        {
            return await plan.Value.WaitAsync(ct);
        }
        catch (Exception) when (plan.Value.IsFaulted)
        {
            // A plan that failed (a plugin bundle the store could not serve just now) is not kept: the next use retries.
            plans.Remove(sweepId);
            throw;
        }
    }

    /// <summary>How many plans the cache holds now (for tests).</summary>
    internal int CachedPlans => plans.Count;

    public void Dispose() => plans.Dispose();

    private async Task<SweepPlan> ParseAsync(string definitionText, int seed, CancellationToken ct)
    {
        var result = await SweepDefinitionParser.ParseAsync(definitionText, catalog, ct, limits: DefinitionLimits.Stored);
        if (result.Definition is null)
        {
            var problems = string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"));
            throw new SweepPlanException($"the sweep's stored definition no longer reads here: {problems}");
        }

        return SweepPlan.From(result.Definition, seed);
    }
}
