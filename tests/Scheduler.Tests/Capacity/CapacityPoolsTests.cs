using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Definitions;
using Tuner.Scheduling.Sweeps;
using Tuner.Scheduler.Tests.Support;
using Tuner.TestSupport.Postgres;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Capacity;

/// <summary>Pools named by sweeps submitted at the same time, on a real PostgreSQL.</summary>
[Collection("postgres")]
public sealed class CapacityPoolsTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task ThreeConcurrentSubmits_ThatNameANewPool_AllSucceed_AndShareOneRow()
    {
        await using var harness = await SchedulerHarness.StartAsync(postgres, "pools_concurrent");
        var submission = harness.Get<SweepSubmission>();

        for (var round = 0; round < 10; round++)
        {
            var text = SweepTexts.Small(maxTrials: 2, parallelism: 1) + string.Create(
                CultureInfo.InvariantCulture, $"\ncapacity: {{ provider: aws, instance_types: [m{round}.large], max_instances: {round + 1} }}\n");
            var definition = DefinitionReading.Parse(text).Definition!;
            using var start = new Barrier(3);

            var sweeps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                return submission.SubmitAsync(definition, text, CancellationToken.None);
            })));

            var pool = $"aws_m{round}_large";
            Assert.All(sweeps, sweep => Assert.Equal(pool, sweep.Pool));
            await using var db = await harness.DbAsync();
            var row = await db.CapacityPools.AsNoTracking().SingleAsync(p => p.Name == pool);
            Assert.Equal(round + 1, row.MaxInstances);
        }
    }
}
