using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Costs;
using Tuner.Core.Definitions;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Persistence;
using Tuner.Scheduling.Events;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Webhooks;

namespace Tuner.Scheduling.Costs;

/// <summary>
/// Holds sweeps to their <c>budget.max_cost_usd</c>, after each ledger pass: records an alert (a sweep event and a
/// webhook) the first time spent or forecast spend crosses each of <c>budget.alert_thresholds</c>, pauses a sweep that
/// has spent its limit (no trial starts and no machine launches for it; its running trials checkpoint and stop, or run to
/// their end, as <c>budget.when_spent</c> says), and runs a paused sweep again once its budget is above what it spent.
/// Each sweep is checked under its row lock, the orchestrator's, so a pass and a pause never interleave.
/// </summary>
public sealed class SweepBudgets(
    IDbContextFactory<TunerDbContext> contexts,
    SweepPlans plans,
    SweepCosts costs,
    WebhookOutbox webhooks,
    IJobQueue queue,
    TimeProvider clock,
    ILogger<SweepBudgets> logger)
{
    public async Task CheckAsync(CancellationToken ct)
    {
        List<long> budgeted;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            budgeted = await db.Sweeps.Where(s => s.MaxCostUsd != null && (s.State == SweepState.Running || s.State == SweepState.Paused))
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        }

        foreach (var sweepId in budgeted)
        {
            if (await CheckAsync(sweepId, ct)) queue.EnqueueOrchestration(sweepId);
        }
    }

    /// <summary>Returns whether the sweep was paused and now runs again (it then needs an orchestration pass).</summary>
    public async Task<bool> CheckAsync(long sweepId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.LockSweepAsync(sweepId, ct);
        if (sweep?.MaxCostUsd is not { } max || sweep.State is not (SweepState.Running or SweepState.Paused)) return false;

        var plan = await plans.ForAsync(sweep, ct);
        var limit = plan.Definition.Budget.Cost ?? new CostLimit(max, CostLimit.DefaultAlertPercents, WhenSpent.Stop);
        var spent = await costs.SpentAsync(db, sweepId, ct);
        var forecast = await ForecastAsync(db, sweep, plan.Definition.Workload.MaxEpochs, spent, ct);
        await AlertAsync(db, sweep, max, limit, spent, forecast, ct);

        var resumed = false;
        if (sweep.State == SweepState.Running && spent >= max)
        {
            sweep.State = SweepState.Paused;
            sweep.PauseStopsRunning = limit.WhenSpent == WhenSpent.Stop;
            sweep.StopReason = $"budget spent: {Usd(spent)} of {Usd(max)}";
            var running = sweep.PauseStopsRunning ? "running trials checkpoint and stop" : "running trials finish";
            SweepEvents.Add(db, sweepId, null, SweepEventKinds.BudgetPaused,
                $"sweep paused: spent {Usd(spent)} of its {Usd(max)} budget; no trial starts and no machine launches for it, {running}; raise the budget to continue (tuner budget {sweepId} --max-cost-usd N)", clock);
            logger.LogInformation("Sweep {SweepId} paused: spent {Spent} of {Max}", sweepId, spent, max);
        }
        else if (sweep.State == SweepState.Paused && spent < max)
        {
            Resume(db, sweep, spent, clock);
            resumed = true;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return resumed;
    }

    /// <summary>
    /// Sets a sweep's spending limit (PATCH /api/sweeps/{id}, `tuner budget`). A paused sweep whose new limit is above
    /// what it spent runs again at once, from where it stopped: its waiting trials get jobs, its stopped trials resume
    /// from their checkpoints. Null when the sweep does not exist.
    /// </summary>
    public async Task<BudgetChange?> SetLimitAsync(long sweepId, decimal maxCostUsd, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sweep = await db.LockSweepAsync(sweepId, ct);
        if (sweep is null) return null;
        if (sweep.State is not (SweepState.Running or SweepState.Paused)) return new BudgetChange(sweep.State, false, await costs.SpentAsync(db, sweepId, ct));

        sweep.MaxCostUsd = maxCostUsd;
        var spent = await costs.SpentAsync(db, sweepId, ct);
        var resumed = sweep.State == SweepState.Paused && spent < maxCostUsd;
        if (resumed) Resume(db, sweep, spent, clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (resumed) queue.EnqueueOrchestration(sweepId);
        return new BudgetChange(sweep.State, true, spent);
    }

    /// <summary>Runs a paused sweep again (its budget is now above what it spent), with an event saying so.</summary>
    public static void Resume(TunerDbContext db, Sweep sweep, decimal spent, TimeProvider clock)
    {
        sweep.State = SweepState.Running;
        sweep.StopReason = null;
        sweep.PauseStopsRunning = false;
        SweepEvents.Add(db, sweep.Id, null, SweepEventKinds.BudgetRaised,
            $"budget raised to {Usd(sweep.MaxCostUsd!.Value)} (spent {Usd(spent)}): the sweep runs again from where it stopped", clock);
    }

    private async Task AlertAsync(TunerDbContext db, Sweep sweep, decimal max, CostLimit limit, decimal spent, decimal? forecast, CancellationToken ct)
    {
        var fired = await db.BudgetAlerts.Where(a => a.SweepId == sweep.Id && a.MaxCostUsd == max)
            .Select(a => new { a.Basis, a.Percent }).ToListAsync(ct);
        foreach (var percent in limit.AlertPercents)
        {
            var threshold = max * percent / 100m;
            foreach (var (basis, figure) in new[] { (BudgetAlertBasis.Spent, (decimal?)spent), (BudgetAlertBasis.Forecast, forecast) })
            {
                if (figure is not { } value || value < threshold || fired.Any(f => f.Basis == basis && f.Percent == percent)) continue;
                var alert = new BudgetAlert
                {
                    SweepId = sweep.Id, Basis = basis, Percent = percent, MaxCostUsd = max, SpentUsd = spent, ForecastUsd = forecast, At = clock.GetUtcNow(),
                };
                db.BudgetAlerts.Add(alert);
                await db.SaveChangesAsync(ct);
                var message = basis == BudgetAlertBasis.Spent
                    ? $"spent {Usd(spent)}: {percent}% of the {Usd(max)} budget reached"
                    : $"forecast {Usd(value)} at the cost per trial so far: {percent}% of the {Usd(max)} budget (spent {Usd(spent)})";
                SweepEvents.Add(db, sweep.Id, null, SweepEventKinds.BudgetAlert, message, clock);
                webhooks.Add(db, sweep.Id, alert.Id, SweepEventKinds.BudgetAlert, new BudgetAlertMessage(
                    SweepEventKinds.BudgetAlert, sweep.Id, sweep.Name, basis, percent, max, spent, forecast, message, alert.At));
                logger.LogInformation("Sweep {SweepId}: {Message}", sweep.Id, message);
            }
        }
    }

    private static async Task<decimal?> ForecastAsync(TunerDbContext db, Sweep sweep, int maxEpochs, decimal spent, CancellationToken ct)
    {
        var finished = await db.Trials.CountAsync(t => t.SweepId == sweep.Id && t.Status != TrialStatus.Waiting && t.Status != TrialStatus.Running, ct);
        var liveEpochs = await db.Trials.Where(t => t.SweepId == sweep.Id && (t.Status == TrialStatus.Waiting || t.Status == TrialStatus.Running))
            .Select(t => t.LastEpoch).ToListAsync(ct);
        return CostReckoning.Project(spent, sweep.MaxTrials, maxEpochs, finished: false, finished, liveEpochs);
    }

    public static string Usd(decimal usd) => "$" + usd.ToString(usd >= 100 ? "#,0.00" : "0.00##", CultureInfo.InvariantCulture);
}
