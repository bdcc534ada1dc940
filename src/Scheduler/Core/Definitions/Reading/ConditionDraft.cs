using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>A <c>when: { parent: values }</c> as read.</summary>
internal sealed record ConditionDraft(string Parent, IReadOnlyList<object> Values, string Path, YamlNode ParentNode, IReadOnlyList<YamlNode> ValueNodes);
