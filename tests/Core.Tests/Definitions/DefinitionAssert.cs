using Tuner.Core.Definitions;
using Tuner.Search.Spaces;

namespace Tuner.Core.Tests.Definitions;

/// <summary>Compares definitions by value, including the list and dictionary inside them (a record compares those
/// by reference; the Search distributions and conditions themselves compare by value).</summary>
internal static class DefinitionAssert
{
    public static void Equivalent(SweepDefinition expected, SweepDefinition actual)
    {
        IReadOnlyList<ParameterSpec> noSpace = [];
        IReadOnlyDictionary<string, string> noLabels = new Dictionary<string, string>();
        IReadOnlyList<string> noTypes = [];
        IReadOnlyDictionary<string, object> noOptions = new Dictionary<string, object>();
        Assert.Equal(
            expected with { Space = noSpace, Labels = noLabels, Capacity = expected.Capacity with { InstanceTypes = noTypes }, Workload = expected.Workload with { Options = noOptions } },
            actual with { Space = noSpace, Labels = noLabels, Capacity = actual.Capacity with { InstanceTypes = noTypes }, Workload = actual.Workload with { Options = noOptions } });
        Assert.Equal(expected.Workload.Options, actual.Workload.Options);
        Assert.Equal(expected.Capacity.InstanceTypes, actual.Capacity.InstanceTypes);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Space, actual.Space);
    }
}
