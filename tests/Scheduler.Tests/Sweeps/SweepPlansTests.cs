using Tuner.Core.Model;
using Tuner.Scheduling.Sweeps;
using Tuner.TestSupport.Sweeps;

namespace Tuner.Scheduler.Tests.Sweeps;

public sealed class SweepPlansTests
{
    private static Sweep StoredSweep(long id, string text) =>
        new() { Id = id, Name = "s", DefinitionText = text, Seed = 7, Objective = "val_accuracy" };

    [Fact]
    public void For_ParsesASweepOnce_AndKeepsSweepsApart()
    {
        using var plans = new SweepPlans();
        var small = StoredSweep(1, SweepTexts.Small(maxTrials: 5));
        var other = StoredSweep(2, SweepTexts.Small(maxTrials: 9));

        var first = plans.For(small);

        Assert.Same(first, plans.For(small));
        Assert.NotSame(first, plans.For(other));
    }

    [Fact]
    public void TheCache_StaysWithinItsCapacity_AndEveryPlanStillAnswers()
    {
        // 64 MiB of capacity: 40 definitions padded to 2 MiB each cannot all stay cached; each is parsed again on use.
        using var plans = new SweepPlans();
        var padding = "\n#" + new string('x', 2 * 1024 * 1024);
        var sweeps = Enumerable.Range(1, 40).Select(id => StoredSweep(id, SweepTexts.Small(maxTrials: id) + padding)).ToList();

        foreach (var sweep in sweeps)
        {
            plans.For(sweep);
        }

        Assert.InRange(plans.CachedPlans, 1, 32);
        Assert.All(sweeps, sweep => Assert.Equal(sweep.Id, plans.For(sweep).Definition.Budget.MaxTrials));
    }
}
