using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Orchestration;

/// <summary>The orchestrator on a real PostgreSQL: slots filled up to parallelism, max_trials kept, sweeps finished.</summary>
[Collection("postgres")]
public sealed class SweepOrchestratorTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Orchestrate_CreatesExactlyParallelismWaitingTrials_AndNoMoreOnRepeatedPasses()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_parallelism");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 6, parallelism: 3));

        var afterFirst = await harness.TrialsAsync(sweepId);
        await harness.OrchestrateAsync(sweepId);
        await harness.OrchestrateAsync(sweepId);
        var afterThird = await harness.TrialsAsync(sweepId);

        Assert.Equal([0, 1, 2], afterFirst.Select(t => t.Number));
        Assert.All(afterFirst, t => Assert.Equal(TrialStatus.Waiting, t.Status));
        Assert.All(afterFirst, t => Assert.NotNull(t.JobId));
        Assert.Equal(afterFirst.Select(t => t.Id), afterThird.Select(t => t.Id));
    }

    [Fact]
    public async Task Orchestrate_CountsRunningTrialsAsTakingASlot()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_running_slot");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 6, parallelism: 2));
        var worker = new StepWorker(harness, "worker-a");
        var trials = await harness.TrialsAsync(sweepId);
        await worker.StartAsync(trials[0].Id);

        await harness.OrchestrateAsync(sweepId);
        var whileRunning = await harness.TrialsAsync(sweepId);
        await worker.RunToCompletionAsync(trials[1].Id, 0.8);
        await harness.OrchestrateAsync(sweepId);
        var afterOneFinished = await harness.TrialsAsync(sweepId);

        Assert.Equal(2, whileRunning.Count);
        Assert.Equal(3, afterOneFinished.Count);
        Assert.Equal(2, afterOneFinished.Count(t => t.Status is TrialStatus.Waiting or TrialStatus.Running));
    }

    [Fact]
    public async Task Orchestrate_NeverExceedsMaxTrials_AndCompletesTheSweepWithItsBestTrial_WhenAllTrialsFinish()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_max_trials");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 5, parallelism: 2));
        var worker = new StepWorker(harness, "worker-a");
        var values = new[] { 0.61, 0.93, 0.72, 0.85, 0.40 };
        var counts = new List<int>();

        for (var pass = 0; pass < 6; pass++)
        {
            foreach (var trial in (await harness.TrialsAsync(sweepId)).Where(t => t.Status == TrialStatus.Waiting))
            {
                await worker.RunToCompletionAsync(trial.Id, values[trial.Number]);
            }

            await harness.OrchestrateAsync(sweepId);
            counts.Add((await harness.TrialsAsync(sweepId)).Count);
        }

        var sweep = await harness.SweepAsync(sweepId);
        var trials = await harness.TrialsAsync(sweepId);
        Assert.All(counts, count => Assert.InRange(count, 1, 5));
        Assert.Equal(5, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialStatus.Complete, t.Status));
        Assert.Equal(SweepState.Completed, sweep.State);
        Assert.Equal("max_trials reached", sweep.StopReason);
        Assert.NotNull(sweep.FinishedAt);
        Assert.Equal(trials.Single(t => t.Number == 1).Id, sweep.BestTrialId);
    }

    [Fact]
    public async Task Orchestrate_LeavesTheSweepRunning_WhileAnyTrialIsLive()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_not_done");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2));
        var trials = await harness.TrialsAsync(sweepId);
        var worker = new StepWorker(harness, "worker-a");

        await worker.RunToCompletionAsync(trials[0].Id, 0.5);
        await worker.StartAsync(trials[1].Id);
        await harness.OrchestrateAsync(sweepId);

        var sweep = await harness.SweepAsync(sweepId);
        Assert.Equal(SweepState.Running, sweep.State);
        Assert.Null(sweep.FinishedAt);
        Assert.Equal(trials[0].Id, sweep.BestTrialId);
    }

    [Fact]
    public async Task Orchestrate_SamplesTheSameParamsAndSeeds_ForTheSameSamplerSeedInTwoDatabases()
    {
        await using var first = await SchedulerHarness.StartAsync(postgres, "orch_seed_a");
        await using var second = await SchedulerHarness.StartAsync(postgres, "orch_seed_b");
        await using var otherSeed = await SchedulerHarness.StartAsync(postgres, "orch_seed_c");

        var a = await first.TrialsAsync(await first.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 4, seed: 11)));
        var b = await second.TrialsAsync(await second.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 4, seed: 11)));
        var c = await otherSeed.TrialsAsync(await otherSeed.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 4, seed: 12)));

        Assert.Equal(4, a.Count);
        Assert.Equal(a.Select(t => (t.Number, t.ParamsJson, t.Seed)), b.Select(t => (t.Number, t.ParamsJson, t.Seed)));
        Assert.Equal(4, a.Select(t => t.ParamsJson).Distinct().Count());
        Assert.NotEqual(a.Select(t => t.ParamsJson), c.Select(t => t.ParamsJson));
    }
}
