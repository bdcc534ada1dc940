using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;
using Tuner.Search.Analysis;
using Tuner.Search.Spaces;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>GET /api/sweeps/{id}/parameters: the space, complete trials' parameters and values, and importance.</summary>
internal static class ParametersQuery
{
    public const int DefaultTrials = 2000;
    public const int MostTrials = 10000;

    public static async Task<SweepParameters> RunAsync(TunerDbContext db, PageSweep sweep, int maxTrials, CancellationToken ct)
    {
        var space = sweep.Plan.Space;
        var complete = (await db.Trials.AsNoTracking()
                .Where(t => t.SweepId == sweep.Id && t.Status == TrialStatus.Complete && t.Value != null)
                .OrderBy(t => t.Number)
                .Select(t => new { t.Id, t.Number, Value = t.Value!.Value, t.ParamsJson })
                .ToListAsync(ct))
            .Select(t => new ParameterRow(t.Id, t.Number, t.Value, ParamsJson.Deserialize(t.ParamsJson, space)))
            .ToList();
        // Importance comes from every complete trial, not only the rows shown.
        var shares = ParameterImportance.Estimate(space, [.. complete.Select(r => new ObservedTrial(r.Params, r.Value))]);
        var importance = shares is null
            ? null
            : new ParameterImportanceView(ParameterImportance.Method, [.. shares.Select(s => new ImportanceValue(s.Name, s.Importance))]);
        var rows = Rows(sweep, complete, maxTrials);
        return new SweepParameters(
            sweep.Sweep.Objective, sweep.Direction, complete.Count, rows.Count, [.. space.Parameters.Select(View)], rows, importance);
    }

    /// <summary>All of them when they fit; otherwise the best quarter of maxTrials and an even sample of the rest, by number.</summary>
    private static List<ParameterRow> Rows(PageSweep sweep, List<ParameterRow> complete, int maxTrials)
    {
        if (complete.Count <= maxTrials) return complete;
        var best = sweep.BestFirst(complete, r => r.Value).ThenBy(r => r.Number).Take(maxTrials / 4).ToHashSet();
        var rest = complete.Where(r => !best.Contains(r)).ToList();
        return [.. best.Concat(EvenSample.Of(rest, maxTrials - best.Count)).OrderBy(r => r.Number)];
    }

    private static ParameterView View(ParameterSpec parameter) => parameter.Distribution switch
    {
        FloatDistribution f => new ParameterView(parameter.Name, ParameterTypes.Float, f.Low, f.High, f.Log, null),
        IntDistribution i => new ParameterView(parameter.Name, ParameterTypes.Int, i.Low, i.High, i.Log, null),
        CategoricalDistribution c => new ParameterView(parameter.Name, ParameterTypes.Categorical, null, null, false, c.Choices),
        var other => throw new InvalidOperationException($"parameter {parameter.Name} has a distribution the API does not know: {other}"),
    };
}
