using Microsoft.EntityFrameworkCore;
using Prometheus;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Costs;

namespace Tuner.Scheduling.Monitoring;

/// <summary>Dollars spent (the cost ledger and checkpoint storage, as budgets count them: <see cref="SweepCosts.SpentAsync"/>)
/// and budget used per sweep, for the sweeps still running, paused or cancelling, so the series stay few; a sweep's
/// series go when it finishes (its final figures are in its cost report).</summary>
internal sealed class SweepCostFigures(IMetricFactory factory, SweepCosts costs) : IDatabaseFigures
{
    private static readonly string[] Labels = ["sweep_id", "sweep_name"];

    private readonly PublishedSeries<Gauge.Child> spent = PublishedSeries<Gauge.Child>.Of(factory.CreateGauge(
        "tuner_sweep_spent_usd", "Dollars the sweep has spent so far: its machines' time in the cost ledger and its checkpoint storage.", Labels));

    private readonly PublishedSeries<Gauge.Child> used = PublishedSeries<Gauge.Child>.Of(factory.CreateGauge(
        "tuner_sweep_budget_used_ratio", "Spent / budget.max_cost_usd, for sweeps with a cost limit (1 or more: paused at the limit).", Labels));

    public async Task ReadAsync(TunerDbContext db, IReadOnlyCollection<string> pools, CancellationToken ct)
    {
        var sweeps = await db.Sweeps.Where(s => s.State == SweepState.Running || s.State == SweepState.Paused || s.State == SweepState.Cancelling)
            .Select(s => new { s.Id, s.Name, s.MaxCostUsd }).ToListAsync(ct);
        var spentRows = new List<(string[], double)>();
        var usedRows = new List<(string[], double)>();
        foreach (var sweep in sweeps)
        {
            var usd = await costs.SpentAsync(db, sweep.Id, ct);
            string[] labels = [sweep.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sweep.Name];
            spentRows.Add((labels, (double)usd));
            if (sweep.MaxCostUsd is { } max and > 0) usedRows.Add((labels, (double)(usd / max)));
        }

        spent.Publish(spentRows);
        used.Publish(usedRows);
    }

    public void Clear()
    {
        spent.Clear();
        used.Clear();
    }
}
