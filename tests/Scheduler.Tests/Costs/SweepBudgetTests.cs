using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Core.Costs;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Persistence.Leases;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Webhooks;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Costs;

/// <summary>
/// Budgets on PostgreSQL: alerts once per threshold (on spent and on forecast), the pause at 100 % (no lease, no new
/// trial, running trials told to stop), and a raised budget that runs the sweep again. Spending is written into the
/// ledger directly; LedgerTests check how the ledger gets there.
/// </summary>
[Collection("postgres")]
public sealed class SweepBudgetTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly Uri Receiver = new("http://127.0.0.1:9/alerts");

    [Fact]
    public async Task Budget_AlertsOnceAtEachThreshold_PausesAtItsLimit_AndRunsAgainWhenRaised()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "budget_pause");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 2, budget: "max_cost_usd: 1.00"));
        var budgets = Budgets(harness);
        var waiting = (await harness.TrialsAsync(sweepId)).Select(t => t.Id).ToList();

        await SpendAsync(harness, sweepId, 0.55m);
        await budgets.CheckAsync(CancellationToken.None);
        await budgets.CheckAsync(CancellationToken.None);
        await SpendAsync(harness, sweepId, 0.30m);
        await budgets.CheckAsync(CancellationToken.None);
        Assert.Equal(SweepState.Running, (await harness.SweepAsync(sweepId)).State);
        await SpendAsync(harness, sweepId, 0.20m);
        await budgets.CheckAsync(CancellationToken.None);

        var paused = await harness.SweepAsync(sweepId);
        Assert.Equal((SweepState.Paused, true, "budget spent: $1.05 of $1.00"), (paused.State, paused.PauseStopsRunning, paused.StopReason));
        Assert.Equal(
            [
                (SweepEventKinds.BudgetAlert, "spent $0.55: 50% of the $1.00 budget reached"),
                (SweepEventKinds.BudgetAlert, "spent $0.85: 80% of the $1.00 budget reached"),
                (SweepEventKinds.BudgetAlert, "spent $1.05: 100% of the $1.00 budget reached"),
                (SweepEventKinds.BudgetPaused, "sweep paused: spent $1.05 of its $1.00 budget; no trial starts and no machine launches for it, running trials checkpoint and stop; raise the budget to continue (tuner budget 1 --max-cost-usd N)"),
            ],
            await EventsAsync(harness, sweepId));
        Assert.Null(await harness.Get<TrialLeases>().TryAcquireAsync(waiting[0], "worker-1", Lease, CancellationToken.None));
        await harness.OrchestrateAsync(sweepId);
        Assert.Equal(2, (await harness.TrialsAsync(sweepId)).Count);

        var change = await budgets.SetLimitAsync(sweepId, 2.00m, CancellationToken.None);

        Assert.Equal(new BudgetChange(SweepState.Running, true, 1.05m), change);
        Assert.Equal((SweepEventKinds.BudgetRaised, "budget raised to $2.00 (spent $1.05): the sweep runs again from where it stopped"), (await EventsAsync(harness, sweepId))[^1]);
        Assert.NotNull(await harness.Get<TrialLeases>().TryAcquireAsync(waiting[0], "worker-1", Lease, CancellationToken.None));
        // The thresholds count again against the new budget: $1.05 is 52 % of $2.00.
        await budgets.CheckAsync(CancellationToken.None);
        Assert.Equal((SweepEventKinds.BudgetAlert, "spent $1.05: 50% of the $2.00 budget reached"), (await EventsAsync(harness, sweepId))[^1]);
        await using var db = await harness.DbAsync();
        var deliveries = await db.WebhookDeliveries.OrderBy(d => d.Id).ToListAsync();
        var alerts = await db.BudgetAlerts.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(alerts.Select(a => (long?)a.Id), deliveries.Select(d => d.BudgetAlertId));
        Assert.All(deliveries, d => Assert.Equal((Receiver.ToString(), WebhookDeliveryState.Pending, SweepEventKinds.BudgetAlert), (d.Url, d.State, d.Event)));
        using var body = JsonDocument.Parse(deliveries[^1].Body);
        Assert.Equal(("budget_alert", sweepId, "spent", 50, 2.00m, 1.05m),
            (body.RootElement.GetProperty("event").GetString(), body.RootElement.GetProperty("sweep_id").GetInt64(), body.RootElement.GetProperty("basis").GetString(),
             body.RootElement.GetProperty("threshold_percent").GetInt32(), body.RootElement.GetProperty("max_cost_usd").GetDecimal(), body.RootElement.GetProperty("spent_usd").GetDecimal()));
    }

    [Theory]
    [InlineData("stop", HeartbeatResult.StopRequested)]
    [InlineData("finish", HeartbeatResult.Renewed)]
    public async Task ARunningTrial_IsToldToStop_OnlyWhenItsPausedSweepSaysStop(string whenSpent, HeartbeatResult expected)
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "budget_stop_" + whenSpent);
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2, budget: $"max_cost_usd: 0.10, when_spent: {whenSpent}"));
        var trial = (await harness.TrialsAsync(sweepId))[0];
        var lease = (await harness.Get<TrialLeases>().TryAcquireAsync(trial.Id, "worker-1", Lease, CancellationToken.None))!;
        Assert.Equal(HeartbeatResult.Renewed, await harness.Get<TrialLeases>().RenewAsync(lease, Lease, CancellationToken.None));

        await SpendAsync(harness, sweepId, 0.10m);
        await Budgets(harness).CheckAsync(CancellationToken.None);

        Assert.Equal(SweepState.Paused, (await harness.SweepAsync(sweepId)).State);
        Assert.Equal(expected, await harness.Get<TrialLeases>().RenewAsync(lease, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Budget_AlertsOnTheForecast_BeforeTheSpendingGetsThere()
    {
        // 4 trials; one complete for $0.30 of a $1.00 budget: at that rate the sweep costs $1.20, past every threshold.
        await using var harness = await SchedulerHarness.StartAsync(postgres, "budget_forecast");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 1, budget: "max_cost_usd: 1.00, alert_thresholds: [80, 100]"));
        await using (var db = await harness.DbAsync())
        {
            await db.Trials.Where(t => t.SweepId == sweepId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TrialStatus.Complete));
        }

        await SpendAsync(harness, sweepId, 0.30m);
        await Budgets(harness).CheckAsync(CancellationToken.None);

        Assert.Equal(
            [
                (SweepEventKinds.BudgetAlert, "forecast $1.20 at the cost per trial so far: 80% of the $1.00 budget (spent $0.30)"),
                (SweepEventKinds.BudgetAlert, "forecast $1.20 at the cost per trial so far: 100% of the $1.00 budget (spent $0.30)"),
            ],
            await EventsAsync(harness, sweepId));
        Assert.Equal(SweepState.Running, (await harness.SweepAsync(sweepId)).State);
    }

    [Fact]
    public async Task LaunchBudget_RefusesOnlyWhenEverySweepAskingHasSpentItsBudget()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "budget_launch");
        var spent = await harness.SubmitAsync(SweepTexts.Small(seed: 1, budget: "max_cost_usd: 0.50"));
        var under = await harness.SubmitAsync(SweepTexts.Small(seed: 2, budget: "max_cost_usd: 0.50"));
        var unlimited = await harness.SubmitAsync(SweepTexts.Small(seed: 3));
        await SpendAsync(harness, spent, 0.60m);
        await SpendAsync(harness, under, 0.10m);
        var launches = ActivatorUtilities.CreateInstance<LedgerLaunchBudget>(harness.Services);

        Assert.Equal("every sweep waiting on pool local has spent its budget (sweep 1 spent $0.60 of $0.50)",
            await launches.WhyNotAsync("local", [spent], CancellationToken.None));
        Assert.Null(await launches.WhyNotAsync("local", [spent, under], CancellationToken.None));
        Assert.Null(await launches.WhyNotAsync("local", [spent, unlimited], CancellationToken.None));
    }

    private static SweepBudgets Budgets(SchedulerHarness harness) =>
        ActivatorUtilities.CreateInstance<SweepBudgets>(harness.Services,
            new WebhookOutbox(new WebhookSettings([Receiver], "a-shared-secret-of-16+", 3), TimeProvider.System));

    /// <summary>A ledger line of <paramref name="usd"/> for the sweep, as the ledger writes for a machine's time.</summary>
    private static async Task SpendAsync(SchedulerHarness harness, long sweepId, decimal usd)
    {
        await using var db = await harness.DbAsync();
        var now = DateTimeOffset.UtcNow;
        db.CostEntries.Add(new CostEntry
        {
            Machine = "instance/1", Pool = "local", SweepId = sweepId, Kind = CostKind.Idle, StartsAt = now, EndsAt = now.AddSeconds(1), Seconds = 1,
            Usd = usd, PriceSource = "test",
        });
        await db.SaveChangesAsync();
    }

    private static async Task<List<(string Kind, string Message)>> EventsAsync(SchedulerHarness harness, long sweepId)
    {
        await using var db = await harness.DbAsync();
        return (await db.SweepEvents.Where(e => e.SweepId == sweepId).OrderBy(e => e.Id).Select(e => new { e.Kind, e.Message }).ToListAsync())
            .Where(e => e.Kind.StartsWith("budget_", StringComparison.Ordinal)).Select(e => (e.Kind, e.Message)).ToList();
    }
}
