using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tuner.Core.Model;
using Tuner.Core.Workloads;
using Tuner.Persistence;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Schedules;
using Tuner.Scheduling.Models;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Schedules;

/// <summary>Schedules on real PostgreSQL and Hangfire storage, fired through an injected clock (no waiting for 2 a.m.):
/// checked whole when made, one Hangfire recurring job each, a run's placeholders filled, one run at a time.</summary>
[Collection("postgres")]
public sealed class ScheduleTests(PostgresServerFixture postgres)
{
    private const string Template = """
        name: nightly-{run_id}
        workload: { kind: mnist-mlp, max_epochs: 2, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
        sampler: { kind: random, seed: 5 }
        budget: { max_trials: 2, parallelism: 1 }
        labels: { data: "mnist/{run_date}" }
        """;

    [Fact]
    public async Task Create_RefusesABadCronTimeZoneOrTemplate_NamingEach_AndATakenName()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_problems");
        var registry = harness.Get<ScheduleRegistry>();

        var (none, problems) = await registry.CreateAsync(
            new ScheduleRequest("nightly", "every night", "Mars/Olympus", Template.Replace("max_trials: 2", "max_trials: 0")), CancellationToken.None);
        var (first, _) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "Europe/Paris", Template), CancellationToken.None);
        var (second, taken) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 3 * * *", "UTC", Template), CancellationToken.None);

        Assert.Null(none);
        Assert.Equal(["cron", "template.budget.max_trials", "timeZone"], problems.Select(p => p.Field).Order());
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal([("name", "there is already a schedule named 'nightly'")], taken);
    }

    [Fact]
    public async Task AModel_IsCheckedAgainstTheTemplatesWorkload_AndAChangeIsCheckedAsAtCreation()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_model");
        var registry = harness.Get<ScheduleRegistry>();

        var (none, problems) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template,
            Model: new ScheduleModelRequest("bad name!", Margin: -1,
                Guards: [new("val_f1", 0.1), new("val_loss", -1), new("val_loss", 0.1, "sideways")])), CancellationToken.None);
        var (schedule, _) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template,
            Model: new ScheduleModelRequest("mnist", Margin: 0.005, Guards: [new("val_loss", 0.05)])), CancellationToken.None);
        var (unchanged, badTemplate) = await registry.ChangeAsync("nightly",
            new ScheduleChangeRequest(Template: Template.Replace("max_trials: 2", "max_trials: 0")), CancellationToken.None);
        var (_, nothing) = await registry.ChangeAsync("nightly", new ScheduleChangeRequest(), CancellationToken.None);
        var (changed, _) = await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Cron: "0 4 * * *", TimeZone: "Europe/Paris"), CancellationToken.None);
        var (missing, _) = await registry.ChangeAsync("nope", new ScheduleChangeRequest(Paused: true), CancellationToken.None);

        Assert.Null(none);
        Assert.Equal(
            [
                ("model.guards[0].metric", "workload 'mnist-mlp' reports no metric 'val_f1'; it reports val_accuracy, val_loss, train_loss"),
                ("model.guards[1].tolerance", "expected how much worse than the champion 'val_loss' may be, a number of at least 0, got -1"),
                ("model.guards[2].direction", "expected maximize or minimize, got 'sideways'"),
                ("model.margin", "expected a number of at least 0 (in the objective's units), got -1"),
                ("model.name", "expected 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit, got 'bad name!'"),
            ],
            problems.OrderBy(p => p.Field, StringComparer.Ordinal));
        var policy = PromotionPolicies.Of(schedule!);
        Assert.Equal(("mnist", 0.005, false), (schedule!.ModelName, policy.Margin, policy.ManualApproval));
        // The guard's direction is the goal the workload declares for the metric.
        Assert.Equal([new Tuner.Core.Models.MetricGuard("val_loss", 0.05, Tuner.Search.StudyDirection.Minimize)], policy.Guards);
        await using (var db = await harness.DbAsync())
        {
            Assert.True(await db.Models.AnyAsync(m => m.Name == "mnist" && m.ChampionTrialId == null));
        }

        Assert.Equal(Template, unchanged!.TemplateText);
        Assert.Equal(["template.budget.max_trials"], badTemplate.Select(p => p.Field));
        Assert.Equal([("paused", "expected a change: paused (true or false), cron, timeZone or template")], nothing);
        Assert.Equal(("0 4 * * *", "Europe/Paris"), (changed!.Cron, changed.TimeZone));
        var job = Single(harness);
        Assert.Equal(("0 4 * * *", "Europe/Paris"), (job.Cron, job.TimeZoneId));
        Assert.Null(missing);
    }

    [Fact]
    public async Task ASchedule_IsOneHangfireRecurringJob_InItsTimeZone_GoneWhilePaused_AndWhenDeleted()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_jobs");
        var registry = harness.Get<ScheduleRegistry>();

        await registry.CreateAsync(new ScheduleRequest("nightly", "30 2 * * *", "Europe/Paris", Template), CancellationToken.None);
        var registered = Single(harness);
        harness.Get<IRecurringJobManager>().Trigger("schedule-nightly");
        var enqueued = harness.Get<JobStorage>().GetMonitoringApi().EnqueuedJobs("orchestrator", 0, 10);
        await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Paused: true), CancellationToken.None);
        var paused = RecurringJobs(harness);
        await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Paused: false), CancellationToken.None);
        var resumed = Single(harness);
        await registry.DeleteAsync("nightly", CancellationToken.None);

        Assert.Equal(("schedule-nightly", "30 2 * * *", "Europe/Paris"), (registered.Id, registered.Cron, registered.TimeZoneId));
        // Fired, it runs where orchestration runs: on `tuner server`'s orchestrator queue.
        Assert.Equal(typeof(Tuner.Jobs.ScheduleJob), Assert.Single(enqueued).Value.Job.Type);
        Assert.Empty(paused);
        Assert.Equal("schedule-nightly", resumed.Id);
        Assert.Empty(RecurringJobs(harness));
    }

    [Fact]
    public async Task Firing_FillsTheRunsPlaceholders_SkipsWhileThePreviousRunRuns_AndStartsAgainOnceItEnds()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_firing");
        var (schedule, _) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("nightly", "30 0 * * *", "Europe/Paris", Template), CancellationToken.None);
        // 23:30 UTC on 1 December is 00:30 on 2 December in Paris: the run's date is the schedule's.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        var firing = new ScheduleFiring(harness.Get<IDbContextFactory<TunerDbContext>>(), harness.Get<SweepSubmission>(),
            harness.Get<IWorkloadCatalog>(), clock, NullLogger<ScheduleFiring>.Instance);

        var first = await firing.FireAsync(schedule!.Id, "fired on schedule", CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var second = await firing.FireAsync(schedule.Id, "fired on schedule", CancellationToken.None);
        await using (var db = await harness.DbAsync())
        {
            await db.Sweeps.Where(s => s.Id == first!.SweepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SweepState.Completed));
        }

        var third = await firing.FireAsync(schedule.Id, "triggered through the API", CancellationToken.None);

        Assert.Equal((ScheduleRunOutcome.Started, "2026-12-02"), (first!.Outcome, first.RunDate));
        var sweep = await harness.SweepAsync(first.SweepId!.Value);
        Assert.Equal($"nightly-{first.Id}", sweep.Name);
        Assert.Contains("mnist/2026-12-02", sweep.LabelsJson);
        Assert.Equal((ScheduleRunOutcome.Skipped, (long?)null), (second!.Outcome, second.SweepId));
        Assert.Equal($"fired on schedule: skipped, the previous run (run {first.Id}, sweep {first.SweepId}) is still running", second.Message);
        Assert.Equal((ScheduleRunOutcome.Started, "2026-12-03"), (third!.Outcome, third.RunDate));
        Assert.Equal($"nightly-{third.Id}", (await harness.SweepAsync(third.SweepId!.Value)).Name);
        Assert.Null(await firing.FireAsync(schedule.Id + 1000, "fired on schedule", CancellationToken.None));
    }

    [Fact]
    public async Task WithOverlapQueue_AFiringWaitsForThePreviousRun_OneAtMost_AndAReconcilerPassStartsIt()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_queue");
        var (schedule, _) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template, Overlap: "queue"), CancellationToken.None);
        var firing = harness.Get<ScheduleFiring>();

        var first = await firing.FireAsync(schedule!.Id, "fired on schedule", CancellationToken.None);
        var queued = await firing.FireAsync(schedule.Id, "fired on schedule", CancellationToken.None);
        var skipped = await firing.FireAsync(schedule.Id, "fired on schedule", CancellationToken.None);
        await firing.StartQueuedAsync(CancellationToken.None);
        var stillWaiting = await RunAsync(harness, queued!.Id);
        await using (var db = await harness.DbAsync())
        {
            await db.Sweeps.Where(s => s.Id == first!.SweepId).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SweepState.Cancelled));
        }

        await harness.CreateReconciler().ReconcileAsync(CancellationToken.None);
        var started = await RunAsync(harness, queued.Id);

        Assert.Equal(ScheduleRunOutcome.Queued, queued.Outcome);
        Assert.Equal($"fired on schedule: queued, the previous run (run {first!.Id}, sweep {first.SweepId}) is still running", queued.Message);
        Assert.Equal(ScheduleRunOutcome.Skipped, skipped!.Outcome);
        Assert.Equal($"fired on schedule: skipped, run {queued.Id} already waits behind it", skipped.Message);
        Assert.Equal(ScheduleRunOutcome.Queued, stillWaiting.Outcome);
        Assert.Equal(ScheduleRunOutcome.Started, started.Outcome);
        Assert.Equal($"nightly-{queued.Id}", (await harness.SweepAsync(started.SweepId!.Value)).Name);
        Assert.EndsWith("; started when the previous run ended", started.Message);
        var (_, badOverlap) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("other", "0 2 * * *", "UTC", Template, Overlap: "later"), CancellationToken.None);
        Assert.Equal([("overlap", "expected skip or queue, got 'later'")], badOverlap);
    }

    [Fact]
    public async Task WithWarmStartBest_EachRunStartsFromThePreviousRunsBest_AndItsPriorIsWrittenIntoTheRunsDefinition()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "schedule_warm");
        var (schedule, _) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template.Replace("kind: random", "kind: tpe"), WarmStartBest: 1, WarmStartPriorWeight: 0.5), CancellationToken.None);
        var firing = harness.Get<ScheduleFiring>();

        var first = await firing.FireAsync(schedule!.Id, "fired on schedule", CancellationToken.None);
        // The first night runs its two trials, one at a time; trial 1 is the best.
        foreach (var (number, value) in new[] { (0, 0.5), (1, 0.9) })
        {
            await harness.OrchestrateAsync(first!.SweepId!.Value);
            await using var db = await harness.DbAsync();
            await db.Trials.Where(t => t.SweepId == first.SweepId && t.Number == number)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TrialStatus.Complete).SetProperty(t => t.Value, value));
        }

        await harness.OrchestrateAsync(first!.SweepId!.Value);
        Assert.Equal(SweepState.Completed, (await harness.SweepAsync(first.SweepId.Value)).State);
        var second = await firing.FireAsync(schedule.Id, "fired on schedule", CancellationToken.None);
        await harness.OrchestrateAsync(second!.SweepId!.Value);

        await using var check = await harness.DbAsync();
        var best = await check.Trials.AsNoTracking().SingleAsync(t => t.SweepId == first!.SweepId && t.Number == 1);
        var queued = await check.QueuedConfigurations.AsNoTracking().SingleAsync(q => q.SweepId == second!.SweepId);
        Assert.Equal($"warm start: sweep {first!.SweepId} trial #1", queued.Source);
        var firstTrial = (await harness.TrialsAsync(second!.SweepId!.Value)).First();
        Assert.Equal(
            System.Text.Json.JsonDocument.Parse(best.ParamsJson).RootElement.GetProperty("learning_rate").GetDouble(),
            System.Text.Json.JsonDocument.Parse(firstTrial.ParamsJson).RootElement.GetProperty("learning_rate").GetDouble());
        Assert.Empty(await check.QueuedConfigurations.AsNoTracking().Where(q => q.SweepId == first.SweepId).ToListAsync());
        // The warm start is written into the run's stored definition, so the sweep says what it started from and its
        // plan keeps the prior.
        var stored = (await harness.SweepAsync(second.SweepId!.Value)).DefinitionText;
        Assert.EndsWith($"warm_start: {{ from_sweep: {first.SweepId}, best: 1, prior_weight: 0.5 }}   # added by the schedule: the previous run\n", stored);
        var (_, random) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("other", "0 2 * * *", "UTC", Template, WarmStartBest: 1, WarmStartPriorWeight: 0.5), CancellationToken.None);
        var (_, alone) = await harness.Get<ScheduleRegistry>().CreateAsync(
            new ScheduleRequest("other", "0 2 * * *", "UTC", Template.Replace("kind: random", "kind: tpe"), WarmStartPriorWeight: 0.5), CancellationToken.None);
        Assert.Equal([("warmStartPriorWeight", "a prior needs a sampler that learns from trials (auto, tpe, tpe-mv or gp), but the template's sampler.kind is 'random'")], random);
        Assert.Equal([("warmStartPriorWeight", "a prior weight needs warmStartBest: the previous run's trials are a prior of the warm start")], alone);
    }

    private static async Task<ScheduleRun> RunAsync(SchedulerHarness harness, long id)
    {
        await using var db = await harness.DbAsync();
        return await db.ScheduleRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private static RecurringJobDto Single(SchedulerHarness harness) => Assert.Single(RecurringJobs(harness));

    private static List<RecurringJobDto> RecurringJobs(SchedulerHarness harness)
    {
        using var connection = harness.Get<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
