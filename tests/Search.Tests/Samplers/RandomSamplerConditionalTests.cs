using Tuner.Search.Samplers;
using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers;

public class RandomSamplerConditionalTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new("step_size", new IntDistribution(1, 10), new("schedule", ["step"])),
        new("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new("schedule", new CategoricalDistribution(["constant", "cosine", "step"]), new("optimizer", ["sgd"])),
        new("batch_size", new CategoricalDistribution([32, 64, 128])),
        new("warmup", new IntDistribution(0, 5), new("batch_size", [64.0])),
    ]);

    [Fact]
    public void Sample_IncludesChildAndGrandchild_ExactlyWhenActive()
    {
        var samples = SamplerRuns.Draw(new RandomSampler(3), Space, 1000);

        foreach (var sample in samples)
        {
            var sgd = (string)sample["optimizer"] == "sgd";
            Assert.Equal(sgd, sample.ContainsKey("schedule"));
            var stepSchedule = sgd && (string)sample["schedule"] == "step";
            Assert.Equal(stepSchedule, sample.ContainsKey("step_size"));
            Assert.Equal((long)sample["batch_size"] == 64, sample.ContainsKey("warmup"));
            Assert.Empty(Space.CheckAssignment(sample));
        }

        Assert.Contains(samples, s => s.ContainsKey("step_size"));
        Assert.Contains(samples, s => s.ContainsKey("schedule") && !s.ContainsKey("step_size"));
        Assert.Contains(samples, s => !s.ContainsKey("schedule"));
    }
}
