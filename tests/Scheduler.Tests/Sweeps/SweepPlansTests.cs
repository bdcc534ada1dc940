using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

public sealed class SweepPlansTests
{
    private static Sweep StoredSweep(long id, string text) =>
        new() { Id = id, Name = "s", DefinitionText = text, Seed = 7, Objective = "val_accuracy" };

    [Fact]
    public async Task For_ParsesASweepOnce_AndKeepsSweepsApart()
    {
        using var plans = new SweepPlans(DefinitionReading.BuiltIns);
        var small = StoredSweep(1, SweepTexts.Small(maxTrials: 5));
        var other = StoredSweep(2, SweepTexts.Small(maxTrials: 9));

        var first = await plans.ForAsync(small, CancellationToken.None);

        Assert.Same(first, await plans.ForAsync(small, CancellationToken.None));
        Assert.NotSame(first, await plans.ForAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task TheCache_StaysWithinItsCapacity_AndEveryPlanStillAnswers()
    {
        // 64 MiB of capacity: 40 definitions padded to 2 MiB each cannot all stay cached; each is parsed again on use.
        using var plans = new SweepPlans(DefinitionReading.BuiltIns);
        var padding = "\n#" + new string('x', 2 * 1024 * 1024);
        var sweeps = Enumerable.Range(1, 40).Select(id => StoredSweep(id, SweepTexts.Small(maxTrials: id) + padding)).ToList();

        foreach (var sweep in sweeps)
        {
            await plans.ForAsync(sweep, CancellationToken.None);
        }

        Assert.InRange(plans.CachedPlans, 1, 32);
        foreach (var sweep in sweeps)
        {
            Assert.Equal(sweep.Id, (await plans.ForAsync(sweep, CancellationToken.None)).Definition.Budget.MaxTrials);
        }
    }
}
