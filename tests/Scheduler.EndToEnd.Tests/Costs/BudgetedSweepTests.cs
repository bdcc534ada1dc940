using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduler.EndToEnd.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.EndToEnd.Tests.Costs;

/// <summary>
/// A sweep with a dollar budget on a real `tuner server` and two real `tuner worker` processes at a set local price:
/// at its limit the sweep pauses, its running trials checkpoint and stop and nothing new starts; a raised budget (PATCH)
/// runs it again from its checkpoints to the end. The workers are started by hand, so their start-up belongs to no sweep
/// and the sweep's spending starts with its trials, however slowly a loaded machine starts a worker; that nothing
/// launches for a sweep at its limit is LedgerLaunchBudget's test (SweepBudgetTests).
/// </summary>
[Collection("postgres")]
public sealed class BudgetedSweepTests(PostgresServerFixture postgres)
{
    /// <summary>$3.60 an hour: a tenth of a cent per worker-second, so two workers spend the $0.02 budget in about 10 s,
/// halfway through their first trials (20 s each).</summary>
    private const decimal HourlyUsd = 3.60m;
    private const decimal BudgetUsd = 0.02m;

    private static readonly string Definition = string.Create(CultureInfo.InvariantCulture, $$"""
        name: budgeted
        workload: { kind: synthetic, max_epochs: 40, function: branin, step_seconds: 0.5 }
        objective: { metric: val_loss }
        space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }
        sampler: { kind: random, seed: 3 }
        pruner: { kind: none }
        budget: { max_trials: 3, parallelism: 2, max_cost_usd: {{BudgetUsd}} }
        checkpoints: { every_epochs: 1 }
        """);

    [Fact]
    public async Task ABudgetedSweep_StopsAtItsLimit_AndARaisedBudgetFinishesIt()
    {
        var database = await postgres.CreateDatabaseAsync("budgeted_sweep");
        await using var cluster = await TunerCluster.StartAsync(database, new Dictionary<string, string>
        {
            ["TUNER_COST__LOCAL_HOURLY_USD"] = HourlyUsd.ToString(CultureInfo.InvariantCulture),
            // A heartbeat every 2 s, so a running trial hears of the pause soon.
            ["TUNER_LEASE_SECONDS"] = "8",
        });
        cluster.StartWorker();
        cluster.StartWorker();
        var id = await cluster.SubmitIdAsync(Definition);

        await Eventually.GetAsync(async () => await cluster.SweepAsync(id) is { State: "Paused" } s ? s : null,
            TimeSpan.FromMinutes(2), "the sweep to pause at its budget", cluster.Diagnostics);
        await Eventually.GetAsync(async () =>
        {
            await using var db = new TunerDbContext(TunerDatabase.Options(database));
            return await db.Trials.AnyAsync(t => t.Status == TrialStatus.Running) ? null : "stopped";
        }, TimeSpan.FromMinutes(1), "the running trials to stop", cluster.Diagnostics);

        var events = (await cluster.Http.GetFromJsonAsync<IReadOnlyList<SweepEventView>>($"api/sweeps/{id}/events"))!;
        var paused = events.Single(e => e.Kind == "budget_paused");
        Assert.Equal(["50", "80", "100"], events.Where(e => e.Kind == "budget_alert" && e.Message.StartsWith("spent", StringComparison.Ordinal))
            .Select(e => e.Message.Split(": ")[1].Split('%')[0]));
        var cost = (await cluster.Http.GetFromJsonAsync<SweepCostReport>($"api/sweeps/{id}/cost"))!;
        Assert.InRange(cost.SpentUsd, BudgetUsd, 3 * BudgetUsd);
        Assert.Equal(["TUNER_COST__LOCAL_HOURLY_USD"], cost.PriceSources);
        await using (var db = new TunerDbContext(TunerDatabase.Options(database)))
        {
            // The trials that were running stopped with a checkpoint and wait; nothing started after the pause, though
            // waiting trials would start at once on a running sweep.
            Assert.Equal([TrialStatus.Waiting, TrialStatus.Waiting], await db.Trials.OrderBy(t => t.Number).Select(t => t.Status).ToListAsync());
            Assert.Empty(await db.TrialRuns.Where(r => r.StartedAt > paused.At).ToListAsync());
            var stopped = await db.TrialRuns.Where(r => r.EndReason == TrialExecution.BudgetPauseReason).ToListAsync();
            Assert.Equal(2, stopped.Count);
            Assert.All(stopped, r => Assert.Equal(TrialRunOutcome.Interrupted, r.Outcome));
            Assert.Equal(2, await db.Checkpoints.Select(c => c.TrialId).Distinct().CountAsync());
        }

        var server = new Dictionary<string, string> { ["TUNER_SERVER"] = cluster.Http.BaseAddress!.ToString().TrimEnd('/') };
        var sweep = id.ToString(CultureInfo.InvariantCulture);
        var text = await TunerCommand.RunAsync(server, "cost", sweep);
        var json = await TunerCommand.RunAsync(server, "cost", sweep, "--json");
        Assert.True(text.ExitCode == 0 && json.ExitCode == 0, $"{text}\n{json}");
        Assert.StartsWith($"Cost of sweep {id} 'budgeted' (Paused): ", text.Stdout);
        Assert.Contains("trials in progress", text.Stdout);
        Assert.Contains(" of $0.020000 (", text.Stdout);
        Assert.Equal(id, System.Text.Json.JsonDocument.Parse(json.Stdout).RootElement.GetProperty("sweepId").GetInt64());

        var raised = await TunerCommand.RunAsync(server, "budget", sweep, "--max-cost-usd", "10");
        Assert.True(raised.ExitCode == 0, raised.ToString());
        Assert.Equal($"sweep {id} (budgeted) now has a budget of $10.00; it is Running", raised.Stdout.Trim());
        await Eventually.GetAsync(async () => await cluster.SweepAsync(id) is { State: "Completed" } s ? s : null,
            TimeSpan.FromMinutes(3), "the sweep to finish once its budget was raised", cluster.Diagnostics);

        var trials = await cluster.TrialsAsync(id);
        Assert.All(trials, t => Assert.Equal("Complete", t.State));
        var resumed = trials.Where(t => t.Runs.Any(r => r.EndReason == TrialExecution.BudgetPauseReason)).ToList();
        Assert.Equal(2, resumed.Count);
        Assert.All(resumed, t => Assert.True(t.Runs[^1].ResumedEpoch > 0, $"trial {t.Number} resumed from its checkpoint, not from scratch"));
        Assert.Contains((await cluster.Http.GetFromJsonAsync<IReadOnlyList<SweepEventView>>($"api/sweeps/{id}/events"))!, e => e.Kind == "budget_raised");
    }

}
