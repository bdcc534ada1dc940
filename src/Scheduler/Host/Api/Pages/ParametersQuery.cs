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

    /// <summary>
    /// The most complete trials importance is estimated on: an even sample by number above it, which spans the whole
    /// search (early random trials and later focused ones alike). η² over 10 bins of 5,000 trials has a noise floor of
    /// 9 / 4,999 (0.2 %, <see cref="ParameterImportance"/>), so more trials change no share that matters, while reading
    /// and parsing every trial's parameters took most of this answer's time at 50,000 trials.
    /// </summary>
    public const int ImportanceTrials = 5000;

    public static async Task<SweepParameters> RunAsync(TunerDbContext db, PageSweep sweep, int maxTrials, CancellationToken ct)
    {
        var space = sweep.Plan.Space;
        // Values first, for every complete trial; parameters only for the trials shown or sampled.
        var complete = await db.Trials.AsNoTracking()
            .Where(t => t.SweepId == sweep.Id && t.Status == TrialStatus.Complete && t.Value != null)
            .OrderBy(t => t.Number)
            .Select(t => new CompleteTrial(t.Id, t.Number, t.Value!.Value))
            .ToListAsync(ct);
        // All of them when they fit; otherwise the best quarter by value and an even sample of the rest.
        var shown = sweep.BestAndSample(complete, maxTrials, maxTrials / 4, t => t.Value, t => t.Number);
        var sampled = EvenSample.Of(complete, ImportanceTrials);
        var ids = shown.Concat(sampled).Select(t => t.Id).Distinct().ToList();
        var parameters = (await db.Trials.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new { t.Id, t.ParamsJson }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => ParamsJson.Deserialize(t.ParamsJson, space));

        var shares = ParameterImportance.Estimate(space, [.. sampled.Select(t => new ObservedTrial(parameters[t.Id], t.Value))]);
        var importance = shares is null
            ? null
            : new ParameterImportanceView(
                ParameterImportance.Method, sampled.Count, [.. shares.Select(s => new ImportanceValue(s.Name, s.Importance))]);
        var rows = shown.Select(t => new ParameterRow(t.Id, t.Number, t.Value, parameters[t.Id])).ToList();
        return new SweepParameters(
            sweep.Sweep.Objective, sweep.Direction, complete.Count, rows.Count, [.. space.Parameters.Select(View)], rows, importance);
    }

    private sealed record CompleteTrial(long Id, int Number, double Value);

    private static ParameterView View(ParameterSpec parameter) => parameter.Distribution switch
    {
        FloatDistribution f => new ParameterView(parameter.Name, ParameterTypes.Float, f.Low, f.High, f.Log, null),
        IntDistribution i => new ParameterView(parameter.Name, ParameterTypes.Int, i.Low, i.High, i.Log, null),
        CategoricalDistribution c => new ParameterView(parameter.Name, ParameterTypes.Categorical, null, null, false, c.Choices),
        var other => throw new InvalidOperationException($"parameter {parameter.Name} has a distribution the API does not know: {other}"),
    };
}
