using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

/// <summary>A sweep with <c>warm_start</c> evaluates the earlier sweep's best configurations first, best first, carried
/// into its own (changed) search space, and says in an event what it queued, changed and dropped.</summary>
[Collection("postgres")]
public sealed class WarmStartTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task ASweep_EvaluatesTheEarlierSweepsBestFirst_ProjectedIntoItsSpace()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "warm_start");
        var earlier = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 4, parallelism: 4));
        await FinishAsync(harness, earlier,
        [
            ("""{"learning_rate": 0.03, "batch_size": 64, "hidden_units": 100}""", 0.9),
            ("""{"learning_rate": 0.05, "batch_size": 128, "hidden_units": 50}""", 0.8),
            ("""{"learning_rate": 0.001, "batch_size": 32, "hidden_units": 200}""", 0.7),
            ("""{"learning_rate": 0.002, "batch_size": 32, "hidden_units": 20}""", 0.6),
        ]);

        var sweepId = await harness.SubmitAsync(Narrower("warm", "random", $"warm_start: {{ from_sweep: {earlier}, best: 3 }}"));
        await harness.CompleteTrialAsync(sweepId, 0);
        await harness.OrchestrateAsync(sweepId);

        var trials = await harness.TrialsAsync(sweepId);
        Assert.Equal(
            [(0.02, 64L, 100L), (0.001, 32L, 200L)],
            trials.Select(t => JsonDocument.Parse(t.ParamsJson).RootElement)
                .Select(p => (p.GetProperty("learning_rate").GetDouble(), p.GetProperty("batch_size").GetInt64(), p.GetProperty("hidden_units").GetInt64())));
        await using var db = await harness.DbAsync();
        var warm = await db.SweepEvents.AsNoTracking().SingleAsync(e => e.SweepId == sweepId && e.Kind == SweepEventKinds.WarmStart);
        Assert.StartsWith(
            $"warm start from sweep {earlier}: queued 2 of its best 3 trials first: #0 (learning_rate 0.03 → 0.02), #2; dropped #1 (batch_size 128 is not inside",
            warm.Message);
        Assert.Equal(
            [$"warm start: sweep {earlier} trial #0", $"warm start: sweep {earlier} trial #2"],
            await db.QueuedConfigurations.Where(q => q.SweepId == sweepId).OrderBy(q => q.Id).Select(q => q.Source).ToListAsync());
    }

    [Fact]
    public async Task WithAPriorWeight_TheEarlierSweepsCompleteTrials_GuideTheSampler_FromItsFirstAsk()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "warm_prior");
        var earlier = await harness.SubmitAsync(SweepTexts.Small(maxTrials: 12, parallelism: 12));
        await FinishAsync(harness, earlier, [.. Enumerable.Range(0, 12).Select(i =>
            (FormattableString.Invariant($$"""{"learning_rate": {{0.001 * (i + 1)}}, "batch_size": 64, "hidden_units": {{20 + 10 * i}}}"""), 0.5 + 0.04 * i))]);

        // TPE samples at random until 10 trials are finished: with the prior's 12, it models them at once.
        var alone = await harness.SubmitAsync(Narrower("alone", "tpe", ""));
        var guided = await harness.SubmitAsync(Narrower("guided", "tpe", $"warm_start: {{ from_sweep: {earlier}, best: 1, prior_weight: 0.5 }}"));
        foreach (var sweepId in new[] { alone, guided })
        {
            await harness.CompleteTrialAsync(sweepId, 0);
            await harness.OrchestrateAsync(sweepId);
        }

        await using var db = await harness.DbAsync();
        var plan = (await harness.Get<Tuner.Scheduling.Sweeps.SweepPlans>().LoadAsync(db, guided, CancellationToken.None))!;
        var prior = await Tuner.Scheduling.Sweeps.PriorHistory.LoadAsync(db, harness.Get<Tuner.Scheduling.Sweeps.SweepPlans>(), plan, CancellationToken.None);
        // All twelve fit the new space; they come before the sweep's own trials, at the prior's weight.
        Assert.Equal(12, prior.Count);
        Assert.All(prior, t => Assert.Equal(0.5, t.Weight));
        Assert.Equal(Enumerable.Range(-12, 12), prior.Select(t => t.Number));
        Assert.Equal(0.94, prior[^1].Value!.Value, 9);
        var aloneSecond = (await harness.TrialsAsync(alone)).Single(t => t.Number == 1).ParamsJson;
        var guidedSecond = (await harness.TrialsAsync(guided)).Single(t => t.Number == 1).ParamsJson;
        Assert.NotEqual(aloneSecond, guidedSecond);
        var warm = await db.SweepEvents.AsNoTracking().SingleAsync(e => e.SweepId == guided && e.Kind == SweepEventKinds.WarmStart);
        Assert.EndsWith("; its 12 complete trials (those that fit this search space) serve as the sampler's prior at weight 0.5", warm.Message);
    }

    /// <summary>A sweep whose space is narrower than <see cref="SweepTexts.Small"/>'s: a lower top learning rate, batch
    /// sizes 32 and 64 only.</summary>
    private static string Narrower(string name, string sampler, string warmStart) => $$"""
        name: {{name}}
        workload: { kind: mnist-mlp, max_epochs: 3, train_samples: 1000, validation_samples: 200 }
        objective: { metric: val_accuracy, direction: maximize }
        space:
          learning_rate: { type: float, low: 1.0e-4, high: 2.0e-2, log: true }
          batch_size:    { type: categorical, choices: [32, 64] }
          hidden_units:  { type: int, low: 16, high: 256, log: true }
        sampler: { kind: {{sampler}}, seed: 3 }
        budget: { max_trials: 4, parallelism: 1 }
        {{warmStart}}
        """;

    private static async Task FinishAsync(SchedulerHarness harness, long sweepId, IReadOnlyList<(string Params, double Value)> trials)
    {
        await using var db = await harness.DbAsync();
        for (var number = 0; number < trials.Count; number++)
        {
            var (json, value) = trials[number];
            await db.Trials.Where(t => t.SweepId == sweepId && t.Number == number).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.ParamsJson, json).SetProperty(t => t.Status, TrialStatus.Complete).SetProperty(t => t.Value, value));
        }
    }

}
