using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Costs;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoints for money: a sweep's cost report and budget alerts, and spending across sweeps by label.</summary>
public static class CostApi
{
    public static IEndpointRouteBuilder MapCostApi(this IEndpointRouteBuilder app)
    {
        var costs = app.MapGroup("api").WithTags("Costs");
        costs.MapGet("sweeps/{id:long}/cost", SweepCostAsync).WithName("GetSweepCost")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What a sweep cost, split by outcome, and what pruning and spot capacity saved");
        costs.MapGet("sweeps/{id:long}/alerts", AlertsAsync).WithName("ListBudgetAlerts")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A sweep's budget alerts, oldest first, with the state of their webhook deliveries");
        costs.MapGet("cost", GroupsAsync).WithName("GetCostByGroup")
            .WithSummary("Spending across sweeps over a time range, grouped by a sweep label, by sweep or by pool");
        costs.ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<Ok<SweepCostReport>, ProblemHttpResult>> SweepCostAsync(
        long id, SweepCosts costs, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct,
        [Description("false leaves the per-trial list out (`trials` is then empty): a large sweep's is long")] bool trials = true) =>
        await ReportAsync(id, costs, contexts, ct) is { } report
            ? TypedResults.Ok(trials ? report : report with { Trials = [] })
            : ApiProblems.SweepNotFound(id);

    /// <summary>The sweep's cost report as the API answers it (also what `tuner run` prints at the end); null when there is no such sweep.</summary>
    public static async Task<SweepCostReport?> ReportAsync(
        long id, SweepCosts costs, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        // The sweep's name and best trial are read beside the report, not after it.
        var named = NamedAsync(id, contexts, ct);
        var report = costs.ReportAsync(id, ct);
        await Task.WhenAll(named, report);
        if (await report is not { } cost || await named is not { } sweep) return null;
        var bestNumber = sweep.BestNumber;
        return new SweepCostReport(
            id, sweep.Name, sweep.State.ToString(), cost.SpentUsd, cost.ComputeUsd, cost.ComputeSeconds,
            [.. cost.Lines.Select(l => new CostLineView(l.Category, l.Seconds, l.Usd))],
            cost.Storage,
            new PruningSavings(cost.SavedByPruningUsd, cost.EpochsNotRun),
            new SpotSavings(cost.SavedBySpotUsd, cost.SpotDiscount, cost.SpotSeconds),
            cost.UsdToBest, bestNumber, cost.ProjectedTotalUsd, cost.ToFinishUsd, cost.MaxCostUsd, cost.BudgetUsed,
            cost.PriceSources, cost.PriceUnset, cost.Estimated, cost.Trials,
            [.. cost.ByInstanceType.Select(t => new InstanceTypeCost(t.InstanceType, t.Epochs, t.SecondsPerEpoch, Math.Round(t.UsdPerEpoch, 6)))]);
    }

    private sealed record NamedSweep(string Name, SweepState State, int? BestNumber);

    private static async Task<NamedSweep?> NamedAsync(long id, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Sweeps.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new NamedSweep(s.Name, s.State, db.Trials.Where(t => t.Id == s.BestTrialId).Select(t => (int?)t.Number).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<BudgetAlertView>>, ProblemHttpResult>> AlertsAsync(
        long id, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Sweeps.AnyAsync(s => s.Id == id, ct)) return ApiProblems.SweepNotFound(id);
        var alerts = await db.BudgetAlerts.AsNoTracking().Where(a => a.SweepId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SweepId == id && d.BudgetAlertId != null)
            .OrderBy(d => d.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<BudgetAlertView>>([.. alerts.Select(a => new BudgetAlertView(
            a.Id, a.At, a.Basis, a.Percent, a.MaxCostUsd, a.SpentUsd, a.ForecastUsd,
            [.. deliveries.Where(d => d.BudgetAlertId == a.Id).Select(d => new WebhookDeliveryView(d.Id, d.Url, d.State.ToString(), d.Attempts, d.DeliveredAt, d.NextAttemptAt, d.LastError))]))]);
    }

    public static async Task<Results<Ok<CostGroupsView>, ValidationProblem>> GroupsAsync(
        CostGroups groups,
        TimeProvider clock,
        CancellationToken ct,
        [Description("sweep, pool, or label:KEY to group by a sweep label such as team or cost-center"), Microsoft.AspNetCore.Mvc.FromQuery(Name = "group_by")] string groupBy = CostGroups.BySweep,
        [Description("Start of the range (ISO 8601); 30 days before `to` when left out")] DateTimeOffset? from = null,
        [Description("End of the range (ISO 8601); now when left out")] DateTimeOffset? to = null)
    {
        var end = (to ?? clock.GetUtcNow()).ToUniversalTime();
        var start = (from ?? end.AddDays(-30)).ToUniversalTime();
        var errors = new Dictionary<string, string[]>();
        if (CostGroups.WhyNot(groupBy) is { } why) errors["group_by"] = [why];
        if (start >= end) errors["from"] = [$"from must be before to, but got from={start:O}, to={end:O}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The cost query is invalid");
        var found = await groups.GroupAsync(groupBy, start, end, ct);
        return TypedResults.Ok(new CostGroupsView(groupBy, start, end, found.Sum(g => g.Usd), found));
    }
}
