namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "random" sampler.</summary>
public sealed class RandomSamplerContractTests : SamplerContract
{
    public override string Kind => "random";
}
