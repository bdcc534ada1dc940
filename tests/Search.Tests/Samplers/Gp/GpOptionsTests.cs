using Tuner.Search.Samplers.Gp;

namespace Tuner.Search.Tests.Samplers.Gp;

public class GpOptionsTests
{
    [Fact]
    public void Validate_ReturnsNoProblems_ForDefaults() => Assert.Empty(new GpOptions().Validate());

    [Fact]
    public void Validate_ListsEveryProblem_WithTheValueAndTheRule()
    {
        var problems = new GpOptions(StartupTrials: -1, PreliminarySamples: 0, LocalSearches: 0, FitIterations: 0, MaxFitTrials: 1).Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains("StartupTrials must be at least 0, but got StartupTrials=-1", problems);
        Assert.Contains("MaxFitTrials must be at least 2, but got MaxFitTrials=1", problems);
    }

    [Fact]
    public void Sampler_Throws_WhenOptionsAreInvalid()
    {
        var error = Assert.Throws<ArgumentException>(() => new GpSampler(1, new GpOptions(LocalSearches: 0)));
        Assert.Contains("LocalSearches must be at least 1, but got LocalSearches=0", error.Message);
    }
}
