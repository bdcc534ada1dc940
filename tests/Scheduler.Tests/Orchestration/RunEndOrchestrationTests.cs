using Microsoft.Extensions.DependencyInjection;
using Tuner.Core.Model;
using Tuner.Jobs;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Trials;
using Tuner.TestSupport.Postgres;

namespace Tuner.Scheduler.Tests.Orchestration;

/// <summary>The worker whose run ended samples the sweep's next trial itself, without an orchestration job.</summary>
[Collection("postgres")]
public sealed class RunEndOrchestrationTests(PostgresServerFixture postgres)
{
    private const string Definition = """
        name: run-end-orchestration
        workload: { kind: synthetic, max_epochs: 1, function: branin }
        objective: { metric: val_loss }
        space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 2, parallelism: 1 }
        """;

    [Fact]
    public async Task EndingARun_CreatesTheNextTrial_AndEndingTheLastCompletesTheSweep()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "run_end_orchestration");
        var sweepId = await harness.SubmitAsync(Definition);
        var job = new TrialJob(ActivatorUtilities.CreateInstance<TrialExecution>(
            harness.Services, new WorkerIdentity("worker-a", "test-host", Environment.ProcessId)));
        var first = Assert.Single(await harness.TrialsAsync(sweepId));

        await job.RunAsync(first.Id, CancellationToken.None);

        var afterFirst = await harness.TrialsAsync(sweepId);
        Assert.Equal([TrialStatus.Complete, TrialStatus.Waiting], afterFirst.OrderBy(t => t.Number).Select(t => t.Status));
        Assert.Equal(SweepState.Running, (await harness.SweepAsync(sweepId)).State);

        await job.RunAsync(afterFirst.Single(t => t.Number == 1).Id, CancellationToken.None);

        var sweep = await harness.SweepAsync(sweepId);
        Assert.Equal(SweepState.Completed, sweep.State);
        Assert.Equal(2, (await harness.TrialsAsync(sweepId)).Count(t => t.Status == TrialStatus.Complete));
        Assert.NotNull(sweep.BestTrialId);
    }
}
