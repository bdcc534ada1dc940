using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Core.Model;
using Tuner.Jobs;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Models;
using Tuner.Scheduling.Schedules;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Models;

/// <summary>
/// Champion and challenger on real PostgreSQL with real trials (the synthetic workload, trained and checkpointed by
/// the worker's code in this process). Its `shift` option stands for each night's data: the same configuration scores
/// `shift` higher on harder data, so a challenger can look better than the champion's old score while being worse than
/// the champion re-scored on the same data.
/// </summary>
[Collection("postgres")]
public sealed class ChampionTests(PostgresServerFixture postgres)
{
    /// <summary>Branin over its whole domain: two random trials land well away from its minimum (0.398 at (π, 2.275)).</summary>
    private const string Everywhere = "x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 }";

    /// <summary>The corner where Branin is largest (about 300).</summary>
    private const string Worst = "x0: { type: float, low: -5, high: -4.99 }, x1: { type: float, low: 0, high: 0.01 }";

    /// <summary>Around Branin's minimum.</summary>
    private const string Best = "x0: { type: float, low: 3.14, high: 3.145 }, x1: { type: float, low: 2.27, high: 2.28 }";

    [Fact]
    public async Task TwoRuns_PromoteOnlyARealImprovement_ScoredOnTheSameData()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "champion_runs");
        var registry = harness.Get<ScheduleRegistry>();
        var (schedule, problems) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template(Everywhere, shift: 500),
            Model: new ScheduleModelRequest("branin", Margin: 1.0)), CancellationToken.None);
        Assert.Empty(problems);

        // Night 1, on hard data (shift 500): the first challenger becomes the champion.
        var first = await RunNightAsync(harness, schedule!.Id);
        var one = await LatestDecisionAsync(harness);
        var championTrial = await TrialAsync(harness, first, one.ChallengerTrialId);

        // Night 2, on easy data (shift 0), searching Branin's worst corner: its best scores far below the champion's
        // 500-something from night 1, yet far above the champion re-scored on tonight's data.
        await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Template: Template(Worst, shift: 0)), CancellationToken.None);
        var second = await RunNightAsync(harness, schedule.Id);
        var two = await LatestDecisionAsync(harness);
        var challenger = await TrialAsync(harness, second, two.ChallengerTrialId);

        // Night 3, on the same easy data, around the minimum: a real improvement.
        await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Template: Template(Best, shift: 0)), CancellationToken.None);
        var third = await RunNightAsync(harness, schedule.Id);
        var three = await LatestDecisionAsync(harness);

        Assert.Equal((PromotionOutcome.Promoted, "policy"), (one.Outcome, one.DecidedBy));
        Assert.StartsWith("no champion yet: the challenger scored val_loss = ", one.Reason);
        Assert.Null(one.ChampionTrialId);
        // Scoring a trial's kept checkpoint on its own run's data gives what it reported there.
        Assert.Equal(championTrial.Value!.Value, Scores(one.ChallengerScoresJson)["val_loss"], 9);

        Assert.Equal(PromotionOutcome.Refused, two.Outcome);
        Assert.Equal(championTrial.Id, two.ChampionTrialId);
        var rescored = Scores(two.ChampionScoresJson)["val_loss"];
        Assert.True(challenger.Value < two.ChampionReportedValue, $"the challenger's {challenger.Value} must look better than the champion's own {two.ChampionReportedValue}");
        Assert.True(rescored < challenger.Value, $"the champion re-scored on night 2's data ({rescored}) must beat the challenger ({challenger.Value})");
        Assert.Equal(championTrial.Value.Value - 500, rescored, 6);
        Assert.Contains("against the champion's", two.Reason);
        Assert.Contains("on the same data: worse by", two.Reason);

        Assert.Equal(PromotionOutcome.Promoted, three.Outcome);
        Assert.Contains("better by", three.Reason);
        Assert.Contains("at least the margin 1", three.Reason);
        await using var db = await harness.DbAsync();
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Name == "branin");
        Assert.Equal(three.ChallengerTrialId, model.ChampionTrialId);
        Assert.Equal(championTrial.Id, model.PreviousTrialId);
        Assert.Equal(3, await db.PromotionDecisions.CountAsync());
        var events = await db.SweepEvents.AsNoTracking().Where(e => e.Kind == "promotion").OrderBy(e => e.Id).Select(e => e.SweepId).ToListAsync();
        Assert.Equal([first, second, third], events);

        // The pass is idempotent: nothing new to decide.
        await harness.Get<ChampionDecisions>().DecideEndedRunsAsync(CancellationToken.None);
        Assert.Equal(3, await db.PromotionDecisions.CountAsync());
    }

    [Fact]
    public async Task TheChampionsAndThePreviousChampionsCheckpoints_SurviveRetention_WhenTheirSweepContinuesWithBetterTrials()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "champion_retention");
        var registry = harness.Get<ScheduleRegistry>();
        var (schedule, _) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template(Everywhere, shift: 0),
            Model: new ScheduleModelRequest("branin")), CancellationToken.None);
        var first = await RunNightAsync(harness, schedule!.Id);
        var champion = (await LatestDecisionAsync(harness)).ChallengerCheckpointId!.Value;

        // The champion's sweep continues (max_trials raised) with Branin's minimum queued: that trial ranks first, and
        // keep_best: 1 would release the champion's checkpoint.
        await harness.Get<SweepTrialLimits>().SetLimitAsync(first, 3, CancellationToken.None);
        using var minimum = JsonDocument.Parse("""{"x0": 3.14159, "x1": 2.275}""");
        await harness.Get<ConfigurationQueue>().EnqueueAsync(first, minimum.RootElement, "test", CancellationToken.None);
        await RunToCompletionAsync(harness, first);

        await using var db = await harness.DbAsync();
        var states = await db.Checkpoints.AsNoTracking().Where(c => c.State == CheckpointState.Live)
            .Join(db.Trials.Where(t => t.SweepId == first), c => c.TrialId, t => t.Id, (c, t) => new { c.Id, t.Number }).ToListAsync();
        Assert.Contains(states, c => c.Id == champion);
        Assert.Contains(states, c => c.Number == 2);
        Assert.Equal(2, states.Count);
        var best = await db.Sweeps.AsNoTracking().Where(s => s.Id == first).Select(s => s.BestTrialId).SingleAsync();
        Assert.Equal(2, (await db.Trials.AsNoTracking().SingleAsync(t => t.Id == best)).Number);
    }

    [Fact]
    public async Task ManualApproval_HoldsAPassingChallenger_UntilApproved_AndAnOperatorCanForcePromoteAndRollBack()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "champion_operator");
        var registry = harness.Get<ScheduleRegistry>();
        var (schedule, _) = await registry.CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template(Everywhere, shift: 0),
            Model: new ScheduleModelRequest("branin", ManualApproval: true)), CancellationToken.None);
        var promotions = harness.Get<ModelPromotions>();

        var nothingToApprove = await promotions.ApproveAsync("branin", null, CancellationToken.None);
        var first = await RunNightAsync(harness, schedule!.Id);
        var waiting = await LatestDecisionAsync(harness);
        var noChampionYet = await ChampionOfAsync(harness);
        var approved = await promotions.ApproveAsync("branin", "looks right", CancellationToken.None);
        var noPrevious = await promotions.RollbackAsync("branin", null, CancellationToken.None);
        var other = (await harness.TrialsAsync(first)).Single(t => t.Id != waiting.ChallengerTrialId);
        var forcedWithoutCheckpoint = await promotions.PromoteAsync("branin", first, other.Number, null, CancellationToken.None);

        // A second run around the minimum passes, and waits; an operator promotes its best by hand meanwhile, so
        // approving the waiting decision now would compare against a champion that has changed; then rolls back.
        await registry.ChangeAsync("nightly", new ScheduleChangeRequest(Template: Template(Best, shift: 0)), CancellationToken.None);
        var second = await RunNightAsync(harness, schedule.Id);
        var secondDecision = await LatestDecisionAsync(harness);
        var secondBest = (await harness.SweepAsync(second)).BestTrialId!.Value;
        var secondNumber = (await harness.TrialsAsync(second)).Single(t => t.Id == secondBest).Number;
        var forced = await promotions.PromoteAsync("branin", second, secondNumber, "hotfix", CancellationToken.None);
        var stale = await promotions.ApproveAsync("branin", null, CancellationToken.None);
        var rolledBack = await promotions.RollbackAsync("branin", "hotfix was wrong", CancellationToken.None);
        var missing = await promotions.RollbackAsync("nope", null, CancellationToken.None);

        Assert.Equal("no decision of model 'branin' awaits approval", nothingToApprove.Problem);
        Assert.Equal(PromotionOutcome.AwaitingApproval, waiting.Outcome);
        Assert.Null(noChampionYet);
        Assert.Equal((PromotionOutcome.Approved, "operator"), (approved.Decision!.Outcome, approved.Decision.DecidedBy));
        Assert.EndsWith("; approved: looks right", approved.Decision.Reason);
        Assert.Equal("model 'branin' has no previous champion to roll back to", noPrevious.Problem);
        Assert.Equal($"trial {other.Number} of sweep {first} keeps no checkpoint, so it cannot serve as champion", forcedWithoutCheckpoint.Problem);
        Assert.Equal((PromotionOutcome.AwaitingApproval, waiting.ChallengerTrialId), (secondDecision.Outcome, secondDecision.ChampionTrialId));
        Assert.Equal(PromotionOutcome.ForcePromoted, forced.Decision!.Outcome);
        Assert.Equal("promoted by an operator without a comparison: hotfix", forced.Decision.Reason);
        Assert.StartsWith($"decision {secondDecision.Id} compared its challenger with a champion that has since been replaced", stale.Problem);
        Assert.Equal(PromotionOutcome.RolledBack, rolledBack.Decision!.Outcome);
        Assert.True(missing.NotFound);
        var model = await ChampionOfAsync(harness);
        Assert.Equal((waiting.ChallengerTrialId, secondBest), (model!.ChampionTrialId, model.PreviousTrialId));
    }

    [Fact]
    public async Task ANewChampion_IsAnnouncedByASignedPromotionWebhook_SentAfterTheDecisionIsSaved()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "champion_webhook");
        using var receiver = new Tuner.Scheduler.Tests.Webhooks.AlertReceiver(System.Net.HttpStatusCode.OK);
        var settings = new Tuner.Scheduling.Webhooks.WebhookSettings([receiver.Url], "a-shared-secret-of-16+", Attempts: 3);
        var change = new ChampionChange(new Tuner.Scheduling.Webhooks.WebhookOutbox(settings, TimeProvider.System), TimeProvider.System);
        var decisions = ActivatorUtilities.CreateInstance<ChampionDecisions>(harness.Services, change);
        var (schedule, _) = await harness.Get<ScheduleRegistry>().CreateAsync(new ScheduleRequest("nightly", "0 2 * * *", "UTC", Template(Everywhere, shift: 0),
            Model: new ScheduleModelRequest("branin")), CancellationToken.None);
        var run = await harness.Get<ScheduleFiring>().FireAsync(schedule!.Id, "fired on schedule", CancellationToken.None);
        await harness.OrchestrateAsync(run!.SweepId!.Value);
        await RunToCompletionAsync(harness, run.SweepId.Value);

        await decisions.DecideEndedRunsAsync(CancellationToken.None);
        var sender = new Tuner.Scheduling.Webhooks.WebhookSender(
            harness.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Tuner.Persistence.TunerDbContext>>(), settings, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Tuner.Scheduling.Webhooks.WebhookSender>.Instance);
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

        var decision = await LatestDecisionAsync(harness);
        var champion = await TrialAsync(harness, run.SweepId.Value, decision.ChallengerTrialId);
        var (body, headers, _) = Assert.Single(receiver.Received);
        Assert.Equal("promotion", headers["X-Tuner-Event"]);
        Assert.True(Tuner.Scheduling.Webhooks.WebhookSignature.Matches(body, "a-shared-secret-of-16+", headers[Tuner.Scheduling.Webhooks.WebhookSignature.Header]));
        using var message = JsonDocument.Parse(body);
        var root = message.RootElement;
        Assert.Equal(("promotion", "branin", "promoted"), (root.GetProperty("event").GetString(), root.GetProperty("model").GetString(), root.GetProperty("how").GetString()));
        Assert.Equal((run.SweepId.Value, champion.Number, decision.Id),
            (root.GetProperty("sweep_id").GetInt64(), root.GetProperty("trial_number").GetInt32(), root.GetProperty("decision_id").GetInt64()));
        Assert.Equal(champion.Value!.Value, root.GetProperty("scores").GetProperty("val_loss").GetDouble(), 9);
    }

    private static string Template(string space, double shift) => $$"""
        name: nightly-{run_id}
        workload: { kind: synthetic, max_epochs: 20, function: branin, noise: 0, shift: {{shift}} }
        objective: { metric: val_loss }
        space: { {{space}} }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 2, parallelism: 1 }
        checkpoints: { keep_best: 1 }
        """;

    /// <summary>Fires the schedule, trains its run's trials to the end, and lets the promotion pass decide.</summary>
    private static async Task<long> RunNightAsync(SchedulerHarness harness, long scheduleId)
    {
        var run = await harness.Get<ScheduleFiring>().FireAsync(scheduleId, "fired on schedule", CancellationToken.None);
        Assert.Equal(ScheduleRunOutcome.Started, run!.Outcome);
        var sweepId = run.SweepId!.Value;
        await harness.OrchestrateAsync(sweepId);
        await RunToCompletionAsync(harness, sweepId);
        await harness.Get<ChampionDecisions>().DecideEndedRunsAsync(CancellationToken.None);
        return sweepId;
    }

    private static async Task RunToCompletionAsync(SchedulerHarness harness, long sweepId)
    {
        var job = new TrialJob(ActivatorUtilities.CreateInstance<TrialExecution>(
            harness.Services, new WorkerIdentity("worker-a", "test-host", Environment.ProcessId)));
        for (var round = 0; round < 10 && (await harness.SweepAsync(sweepId)).State != SweepState.Completed; round++)
        {
            await harness.OrchestrateAsync(sweepId);
            foreach (var trial in (await harness.TrialsAsync(sweepId)).Where(t => t.Status == TrialStatus.Waiting))
            {
                await job.RunAsync(trial.Id, CancellationToken.None);
            }
        }

        Assert.Equal(SweepState.Completed, (await harness.SweepAsync(sweepId)).State);
    }

    private static async Task<PromotionDecision> LatestDecisionAsync(SchedulerHarness harness)
    {
        await using var db = await harness.DbAsync();
        return await db.PromotionDecisions.AsNoTracking().OrderByDescending(d => d.Id).FirstAsync();
    }

    private static async Task<RegisteredModel?> ChampionOfAsync(SchedulerHarness harness)
    {
        await using var db = await harness.DbAsync();
        return await db.Models.AsNoTracking().Where(m => m.Name == "branin" && m.ChampionTrialId != null).SingleOrDefaultAsync();
    }

    private static async Task<Trial> TrialAsync(SchedulerHarness harness, long sweepId, long? trialId) =>
        (await harness.TrialsAsync(sweepId)).Single(t => t.Id == trialId);

    private static Dictionary<string, double> Scores(string? json) => JsonSerializer.Deserialize<Dictionary<string, double>>(json!)!;
}
