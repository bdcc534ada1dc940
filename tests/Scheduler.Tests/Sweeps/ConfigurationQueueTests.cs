using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

/// <summary>Configurations queued for a sweep (POST /api/sweeps/{id}/trials): checked against its search space, then
/// evaluated, oldest first, before the sampler is asked again.</summary>
[Collection("postgres")]
public sealed class ConfigurationQueueTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task QueuedConfigurations_BecomeTheNextTrials_OldestFirst_ThenTheSamplerGoesOn()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "queue_order");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 1));
        var queue = harness.Get<ConfigurationQueue>();

        var first = await queue.EnqueueAsync(sweepId, Json("""{"learning_rate": 0.01, "batch_size": 64, "hidden_units": 100}"""), "api", CancellationToken.None);
        var second = await queue.EnqueueAsync(sweepId, Json("""{"learning_rate": 0.002, "batch_size": 128, "hidden_units": 17}"""), "api", CancellationToken.None);
        Assert.Equal((0, 1), (first!.Ahead, second!.Ahead));
        Assert.False(second.Full);
        for (var number = 0; number < 3; number++)
        {
            await harness.CompleteTrialAsync(sweepId, number);
            await harness.OrchestrateAsync(sweepId);
        }

        var trials = await harness.TrialsAsync(sweepId);
        Assert.Equal(4, trials.Count);
        Assert.Equal(
            [(0.01, 64L, 100L), (0.002, 128L, 17L)],
            trials.Skip(1).Take(2).Select(t => Params(t.ParamsJson)));
        await using var db = await harness.DbAsync();
        var queued = await db.QueuedConfigurations.AsNoTracking().Where(q => q.SweepId == sweepId).OrderBy(q => q.Id).ToListAsync();
        Assert.Equal([trials[1].Id, trials[2].Id], queued.Select(q => q.TrialId!.Value));
        Assert.DoesNotContain(Params(trials[3].ParamsJson), new List<(double, long, long)> { (0.01, 64L, 100L), (0.002, 128L, 17L) });
    }

    [Fact]
    public async Task Enqueue_NamesEveryParameterThatDoesNotFit_AndStoresNothing()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "queue_problems");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small());

        var result = await harness.Get<ConfigurationQueue>().EnqueueAsync(sweepId,
            Json("""{"learning_rate": 5, "batch_size": 48, "hidden_units": 3.5, "momentum": 0.9}"""), "api", CancellationToken.None);

        Assert.Null(result!.Queued);
        Assert.Equal(["batch_size", "hidden_units", "learning_rate", "momentum"], result.Problems.Select(p => p.Parameter).Order());
        Assert.Contains(result.Problems, p => p.Parameter == "learning_rate" && p.Message.Contains("is not inside"));
        await using var db = await harness.DbAsync();
        Assert.False(await db.QueuedConfigurations.AnyAsync(q => q.SweepId == sweepId));
    }

    [Fact]
    public async Task Enqueue_RefusesACompletedSweep_AndSaysWhenNoTrialIsLeftForIt()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "queue_full");
        var sweepId = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 2, parallelism: 2));
        var queue = harness.Get<ConfigurationQueue>();
        var config = Json("""{"learning_rate": 0.01, "batch_size": 64, "hidden_units": 100}""");

        var full = await queue.EnqueueAsync(sweepId, config, "api", CancellationToken.None);
        await harness.CompleteTrialAsync(sweepId, 0);
        await harness.CompleteTrialAsync(sweepId, 1);
        await harness.OrchestrateAsync(sweepId);
        var completed = await queue.EnqueueAsync(sweepId, config, "api", CancellationToken.None);

        Assert.True(full!.Full);
        Assert.Equal(SweepState.Completed, (await harness.SweepAsync(sweepId)).State);
        Assert.Equal(SweepState.Completed, completed!.NotQueueable);
        Assert.Null(await queue.EnqueueAsync(sweepId + 1000, config, "api", CancellationToken.None));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static (double, long, long) Params(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return (root.GetProperty("learning_rate").GetDouble(), root.GetProperty("batch_size").GetInt64(), root.GetProperty("hidden_units").GetInt64());
    }

}
