namespace Tuner.Search.Samplers;

/// <summary>Suggests the parameters of a new trial. Implementations are stateless between calls.</summary>
public interface ISampler
{
    /// <summary>Values for exactly the active parameters of the space, keyed by name.</summary>
    IReadOnlyDictionary<string, object> Sample(SamplingContext context);
}
