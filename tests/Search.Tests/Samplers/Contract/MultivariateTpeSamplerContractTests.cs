namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "tpe-mv" sampler.</summary>
public sealed class MultivariateTpeSamplerContractTests : SamplerContract
{
    public override string Kind => "tpe-mv";
}
