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
        Assert.Equal(["random"], SamplerCatalog.Kinds);
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
