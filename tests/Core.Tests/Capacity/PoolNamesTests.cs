using Tuner.Core.Definitions;
using Tuner.Core.Capacity;

namespace Tuner.Core.Tests.Capacity;

public sealed class PoolNamesTests
{
    [Fact]
    public void For_NamesLocalPool_Local()
    {
        Assert.Equal("local", PoolNames.For(CapacitySection.LocalDefault(4)));
    }

    [Fact]
    public void For_NamesCloudPool_ByProviderTypesAndGpus()
    {
        Assert.Equal("aws_g5_xlarge_g4dn_xlarge_gpu1", PoolNames.For(Aws(["g5.xlarge", "g4dn.xlarge"], gpus: 1)));
        Assert.Equal("gcp_n1_standard_8", PoolNames.For(Aws(["N1-Standard-8"], gpus: 0) with { Provider = "gcp" }));
    }

    [Fact]
    public void For_CutsLongNameTo100Characters_WithStableHashOfTheWhole()
    {
        var types = Enumerable.Range(1, 20).Select(i => $"g5.{i}xlarge").ToList();
        var fewer = types[..19];

        var name = PoolNames.For(Aws(types, gpus: 8));

        Assert.Equal(100, name.Length);
        Assert.Matches("^aws_g5_1xlarge_[a-z0-9_]+_[0-9a-f]{8}$", name);
        Assert.Equal(name, PoolNames.For(Aws([.. types], gpus: 8)));
        Assert.NotEqual(name, PoolNames.For(Aws(types, gpus: 4)));
        Assert.NotEqual(name, PoolNames.For(Aws(fewer, gpus: 8)));
    }

    private static CapacitySection Aws(IReadOnlyList<string> types, int gpus) =>
        new("aws", types, gpus, Spot: true, MaxInstances: 4, TimeSpan.FromMinutes(5), 3, null);
}
