using Tuner.Core.Model;
using Tuner.Scheduling.Orchestration;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Orchestration;

/// <summary>A pass's work is bounded whatever the budget asks, so the sweep's row lock is held briefly and a cancel gets through.</summary>
[Collection("postgres")]
public sealed class OrchestrationBatchTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Orchestrate_AsksAtMostABatchPerPass_UntilParallelismIsReached()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_batch");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1000, parallelism: 100));
        var counts = new List<int> { (await harness.TrialsAsync(sweepId)).Count };

        for (var pass = 0; pass < 4; pass++)
        {
            await harness.OrchestrateAsync(sweepId);
            counts.Add((await harness.TrialsAsync(sweepId)).Count);
        }

        Assert.Equal(32, SweepOrchestrator.AsksPerPass);
        Assert.Equal([32, 64, 96, 100, 100], counts);
        Assert.Equal(Enumerable.Range(0, 100), (await harness.TrialsAsync(sweepId)).Select(t => t.Number));
    }

    [Fact]
    public async Task Cancel_BetweenTwoBatches_StopsTheSweep_WithNoFurtherTrials()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "orch_batch_cancel");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 1000, parallelism: 1000));

        Assert.True(await harness.Get<SweepSubmission>().CancelAsync(sweepId, CancellationToken.None));
        await harness.OrchestrateAsync(sweepId);

        var sweep = await harness.SweepAsync(sweepId);
        var trials = await harness.TrialsAsync(sweepId);
        Assert.Equal(SweepState.Cancelled, sweep.State);
        Assert.Equal(SweepOrchestrator.AsksPerPass, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialStatus.Cancelled, t.Status));
    }
}
