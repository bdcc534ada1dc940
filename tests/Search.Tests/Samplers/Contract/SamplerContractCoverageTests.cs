using Tuner.Search.Samplers;

namespace Tuner.Search.Tests.Samplers.Contract;

public class SamplerContractCoverageTests
{
    [Fact]
    public void EveryCatalogKind_HasAContractSuite()
    {
        var covered = typeof(SamplerContract).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SamplerContract)) && !t.IsAbstract)
            .Select(t => ((SamplerContract)Activator.CreateInstance(t)!).Kind)
            .Order(StringComparer.Ordinal);

        Assert.Equal(SamplerCatalog.Kinds.Order(StringComparer.Ordinal), covered);
    }
}
