namespace Tuner.Search.Tests.Samplers.Contract;

/// <summary>The sampler contract for the catalog's "auto" sampler.</summary>
public sealed class AutoSamplerContractTests : SamplerContract
{
    public override string Kind => "auto";
}
