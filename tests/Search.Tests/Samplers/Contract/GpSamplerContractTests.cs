namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "gp" sampler.</summary>
public sealed class GpSamplerContractTests : SamplerContract
{
    public override string Kind => "gp";
}
