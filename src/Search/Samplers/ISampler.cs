namespace Tuner.Search.Samplers;

/// <summary>Suggests the parameters of a new trial. Implementations are stateless between calls.</summary>
public interface ISampler
{
    /// <summary>Values for exactly the active parameters of the space, keyed by name.</summary>
    IReadOnlyDictionary<string, object> Sample(SamplingContext context);

    /// <summary>Whether <see cref="Sample"/> looks at <see cref="SamplingContext.Trials"/>. A caller may pass an empty
    /// history to a sampler that does not: loading a large sweep's history is a query over all its trials and reports.</summary>
    bool ReadsHistory => true;
}
