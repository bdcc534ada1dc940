using Tuner.Scheduler.Definitions;
using Tuner.Search.Spaces;

namespace Tuner.Scheduler.Tests.Definitions;

/// <summary>Compares definitions by value, including the list and dictionary inside them (a record compares those
/// by reference; the Search distributions and conditions themselves compare by value).</summary>
internal static class DefinitionAssert
{
    public static void Equivalent(SweepDefinition expected, SweepDefinition actual)
    {
        IReadOnlyList<ParameterSpec> noSpace = [];
        IReadOnlyDictionary<string, string> noLabels = new Dictionary<string, string>();
        Assert.Equal(expected with { Space = noSpace, Labels = noLabels }, actual with { Space = noSpace, Labels = noLabels });
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Space, actual.Space);
    }
}
