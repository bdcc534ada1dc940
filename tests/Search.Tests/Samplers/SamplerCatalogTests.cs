using Tuner.Search.Samplers;

namespace Tuner.Search.Tests.Samplers;

public class SamplerCatalogTests
{
    [Fact]
    public void Create_ReturnsSeededRandomSampler_ForRandomKind()
    {
        var sampler = Assert.IsType<RandomSampler>(SamplerCatalog.Create("Random", 7));
        Assert.Equal(7, sampler.Seed);
        Assert.True(SamplerCatalog.IsKnown("random"));
        Assert.Equal(["auto", "random", "grid", "sobol", "tpe", "tpe-mv", "gp"], SamplerCatalog.Kinds);
    }

    [Theory]
    [InlineData("auto", typeof(Tuner.Search.Samplers.Auto.AutoSampler))]
    [InlineData("grid", typeof(Tuner.Search.Samplers.Grid.GridSampler))]
    [InlineData("sobol", typeof(Tuner.Search.Samplers.Sobol.SobolSampler))]
    [InlineData("tpe", typeof(Tuner.Search.Samplers.Tpe.TpeSampler))]
    [InlineData("tpe-mv", typeof(Tuner.Search.Samplers.Tpe.TpeSampler))]
    [InlineData("GP", typeof(Tuner.Search.Samplers.Gp.GpSampler))]
    public void Create_ReturnsTheSamplerOfEachKind(string kind, Type expected)
    {
        Assert.IsType(expected, SamplerCatalog.Create(kind, 3));
        Assert.Equal(SamplerCatalog.DefaultKind, "auto");
    }

    [Fact]
    public void Create_Throws_NamingTheKindAndTheKnownKinds()
    {
        Assert.False(SamplerCatalog.IsKnown("cmaes"));
        var error = Assert.Throws<ArgumentException>(() => SamplerCatalog.Create("cmaes", null));
        Assert.Contains("'cmaes'", error.Message);
        Assert.Contains("random", error.Message);
    }
}
