using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.Search;
using Tuner.Search.Samplers;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

/// <summary>An unseeded sweep gets one seed at submission, stored with it, and every plan built from it samples alike.</summary>
[Collection("postgres")]
public sealed class SweepSeedTests(PostgresServerFixture postgres)
{
    private static readonly string Unseeded = SweepTexts.Small(maxTrials: 20, parallelism: 4)
        .Replace("sampler: { kind: random, seed: 7 }", "sampler: { kind: tpe }", StringComparison.Ordinal);

    [Fact]
    public async Task TwoPlansOfTheStoredUnseededSweep_AskTheSameTrials_AsTheOrchestratorCreated()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "seed_replay");
        var sweepId = await harness.SubmitAsync(Unseeded);
        var sweep = await harness.SweepAsync(sweepId);
        var created = await harness.TrialsAsync(sweepId);

        // Two fresh caches stand for two processes: each parses the stored sweep and builds its own sampler.
        var first = await new SweepPlans(DefinitionReading.BuiltIns).ForAsync(sweep, CancellationToken.None);
        var second = await new SweepPlans(DefinitionReading.BuiltIns).ForAsync(sweep, CancellationToken.None);
        var history = new List<FrozenTrial>();
        for (var number = 0; number < created.Count; number++)
        {
            var context = new SamplingContext(first.Space, first.Direction, history, number);
            var asked = first.Sampler.Sample(context);

            Assert.Equal(asked, second.Sampler.Sample(context));
            Assert.Equal(asked, ParamsJson.Deserialize(created[number].ParamsJson, first.Space));
            Assert.Equal(first.TrialSeed(number), created[number].Seed);
            history.Add(new FrozenTrial(number, TrialState.Waiting, asked, new Dictionary<int, double>(), null));
        }

        Assert.Equal(4, created.Count);
    }

    [Fact]
    public async Task Submit_StoresTheDefinitionsSeed_OrDrawsOne()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "seed_stored");

        var seeded = await harness.SweepAsync(await harness.SubmitAsync(SweepTexts.Small(seed: 1234)));
        var drawn = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => (await harness.SweepAsync(await harness.SubmitAsync(Unseeded))).Seed));

        Assert.Equal(1234, seeded.Seed);
        Assert.Equal(3, drawn.Distinct().Count());
        Assert.All(drawn, seed => Assert.InRange(seed, 0, int.MaxValue - 1));
    }
}
