using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeOptionsTests
{
    [Fact]
    public void Defaults_MatchOptunasTpeSampler()
    {
        var options = new TpeOptions();

        Assert.Equal((10, 24, 1.0, false, false, true, false, true), (options.StartupTrials, options.EiCandidates, options.PriorWeight,
            options.Multivariate, options.Group, options.ConstantLiar, options.ConsiderEndpoints, options.ConsiderMagicClip));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(30, 3)]
    [InlineData(250, 25)]
    [InlineData(100, 10)]
    [InlineData(1000, 25)]
    public void Gamma_IsOptunasDefaultGamma(int finished, int below)
    {
        Assert.Equal(below, new TpeOptions().Gamma(finished));
    }

    [Fact]
    public void Validate_ListsEveryProblem_NamingTheValueAndTheRule()
    {
        var problems = new TpeOptions(StartupTrials: -1, EiCandidates: 0, PriorWeight: double.NaN, Group: true, GammaFraction: 1.5, GammaCap: 0).Validate();

        Assert.Equal(6, problems.Count);
        Assert.Contains("StartupTrials must be at least 0, but got StartupTrials=-1", problems);
        Assert.Contains("EiCandidates must be at least 1, but got EiCandidates=0", problems);
        Assert.Contains("PriorWeight must be a finite number of at least 0, but got PriorWeight=NaN", problems);
        Assert.Contains("Group can only be enabled together with Multivariate, but got Group=true, Multivariate=false", problems);
        Assert.Contains("GammaFraction must be in (0, 1], but got GammaFraction=1.5", problems);
        Assert.Contains("GammaCap must be at least 1, but got GammaCap=0", problems);
    }

    [Fact]
    public void Constructor_Throws_WhenOptionsAreInvalid()
    {
        var error = Assert.Throws<ArgumentException>(() => new TpeSampler(1, new TpeOptions(EiCandidates: 0, PriorWeight: -1)));

        Assert.Contains("EiCandidates must be at least 1", error.Message);
        Assert.Contains("PriorWeight must be a finite number of at least 0, but got PriorWeight=-1", error.Message);
    }
}
