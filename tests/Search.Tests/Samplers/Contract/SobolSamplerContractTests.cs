namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "sobol" sampler.</summary>
public sealed class SobolSamplerContractTests : SamplerContract
{
    public override string Kind => "sobol";
}
