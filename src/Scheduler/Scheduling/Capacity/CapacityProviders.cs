using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Capacity;

/// <summary>The providers this scheduler can launch on: local always, aws and gcp when configured.</summary>
public sealed class CapacityProviders(IEnumerable<ICapacityProvider> providers, IReadOnlyDictionary<string, string> notConfigured)
{
    private readonly Dictionary<string, ICapacityProvider> byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IEnumerable<ICapacityProvider> All => byName.Values;

    /// <summary>The provider, or null with the reason it cannot be used (e.g. which variables to set).</summary>
    public ICapacityProvider? Find(string name, out string? whyNot)
    {
        if (byName.TryGetValue(name, out var provider))
        {
            whyNot = null;
            return provider;
        }

        whyNot = notConfigured.TryGetValue(name, out var reason) ? reason : $"no capacity provider named '{name}'";
        return null;
    }
}
