using Tuner.Search.Spaces;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>A space entry as read, before conditions are resolved against the other entries.</summary>
/// <param name="KeyNode">The entry's key, whose line whole-entry problems carry.</param>
/// <param name="Distribution">Null when the entry had a problem.</param>
/// <param name="Values">Every concrete value the entry names (bounds, choices or the fixed value), for the workload to check.</param>
internal sealed record ParsedParameter(
    string Name, string Path, YamlNode KeyNode, Distribution? Distribution, ConditionDraft? When, IReadOnlyList<ParameterValue> Values);
