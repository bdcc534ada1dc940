using Tuner.Benchmarks.Pruning;

namespace Tuner.Benchmarks.Tests.Pruning;

public class LearningCurveTests
{
    [Fact]
    public void Curves_Cross_AFastLearnerLeadsEarlyButEndsWorse()
    {
        var (fastLr, fastCapacity) = (0.5, 0.1);
        var (slowLr, slowCapacity) = (0.05, 0.4);

        Assert.True(LearningCurve.Expected(fastLr, fastCapacity, 2) < LearningCurve.Expected(slowLr, slowCapacity, 2));
        Assert.True(LearningCurve.Expected(fastLr, fastCapacity, LearningCurve.MaxSteps) > LearningCurve.Expected(slowLr, slowCapacity, LearningCurve.MaxSteps));
    }

    [Theory]
    [InlineData(0.001, 0.0)]
    [InlineData(0.03, 0.5)]
    [InlineData(1.0, 1.0)]
    public void Expected_DecreasesWithEveryStep(double lr, double capacity)
    {
        var losses = Enumerable.Range(1, LearningCurve.MaxSteps).Select(t => LearningCurve.Expected(lr, capacity, t)).ToList();

        Assert.All(losses.Zip(losses.Skip(1)), pair => Assert.True(pair.Second < pair.First));
    }

    [Fact]
    public void Observed_DependsOnlyOnSeedTrialAndStep()
    {
        var config = new Dictionary<string, object> { ["lr"] = 0.01, ["capacity"] = 0.5 };

        Assert.Equal(LearningCurve.Observed(config, 3, 7, 5), LearningCurve.Observed(config, 3, 7, 5));
        Assert.NotEqual(LearningCurve.Observed(config, 3, 7, 5), LearningCurve.Observed(config, 4, 7, 5));
        Assert.NotEqual(LearningCurve.Observed(config, 3, 7, 5), LearningCurve.Observed(config, 3, 8, 5));
    }

    [Fact]
    public void Observed_HasNoiseOfTheDocumentedSize()
    {
        var config = new Dictionary<string, object> { ["lr"] = 0.01, ["capacity"] = 0.5 };
        var noise = Enumerable.Range(0, 4000).Select(trial => LearningCurve.Observed(config, 1, trial, 10) - LearningCurve.Expected(0.01, 0.5, 10)).ToList();
        var mean = noise.Average();
        var deviation = Math.Sqrt(noise.Select(n => (n - mean) * (n - mean)).Average());

        Assert.InRange(mean, -0.001, 0.001);
        Assert.InRange(deviation, 0.9 * LearningCurve.NoiseStdDev, 1.1 * LearningCurve.NoiseStdDev);
    }
}
