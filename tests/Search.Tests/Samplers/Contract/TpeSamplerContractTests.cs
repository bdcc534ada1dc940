namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "tpe" sampler.</summary>
public sealed class TpeSamplerContractTests : SamplerContract
{
    public override string Kind => "tpe";
}
