namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "grid" sampler.</summary>
public sealed class GridSamplerContractTests : SamplerContract
{
    public override string Kind => "grid";
}
