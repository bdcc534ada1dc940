using Tuner.Core.Workloads;
using Tuner.Workloads;
using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>
/// Reads <c>workload: { kind, max_epochs, …options }</c>, and for a plugin <c>bundle</c> and <c>type</c>. The workload
/// itself is resolved before the document is read (<see cref="PeekReference"/>, then the catalog), so its options are
/// the keys this section may have beside the common ones, and their values are checked by the workload.
/// </summary>
internal static class WorkloadReader
{
    private static readonly string[] CommonKeys = ["kind", "max_epochs"];
    private static readonly string[] PluginKeys = ["bundle", "type"];

    /// <summary>What could be read; <see cref="WorkloadFields.Workload"/> is set whenever the workload resolved, so the
    /// space and the objective can be checked against it even when another workload key is wrong.</summary>
    public sealed record WorkloadFields(WorkloadSection? Section, IWorkload? Workload, int? MaxEpochs, bool IsCommand = false);

    /// <summary>The reference the document makes, read without reporting anything (the full read reports); null when
    /// there is no readable kind.</summary>
    public static WorkloadReference? PeekReference(YamlNode? root)
    {
        if (root is not YamlMappingNode document || Child(document, "workload") is not YamlMappingNode workload) return null;
        if (Child(workload, "kind") is not YamlScalarNode { Value: { Length: > 0 } kind }) return null;
        var bundle = Child(workload, "bundle") is YamlScalarNode { Value: { } text } && BundleDigest.TryParse(text, out var digest) ? digest : null;
        var type = Child(workload, "type") is YamlScalarNode { Value: { Length: > 0 } name } ? name : null;
        return new WorkloadReference(kind, bundle, type);
    }

    public static WorkloadFields Read(MappingReader document, IReadOnlyList<string> kinds, WorkloadResolution? resolution)
    {
        var section = document.Section("workload", knownKeys: null, required: true);
        if (section is null) return new WorkloadFields(null, null, null);

        var kind = section.OneOf("kind", [.. kinds, WorkloadKinds.Command], "workload", required: true);
        if (kind == WorkloadKinds.Command) return ReadCommand(section);
        var isPlugin = kind == WorkloadKinds.Plugin;
        var bundle = isPlugin ? ReadBundle(section) : null;
        var type = isPlugin ? section.String("type", required: false) : null;
        var workload = kind is null ? null : resolution?.Workload;
        if (kind is not null && resolution is { Problem: { } problem, ProblemKey: { } key } && (key != "bundle" || bundle is not null))
        {
            section.Problems.Add(section.PathOf(key), problem, section.Find(key) ?? section.Node);
        }

        var maxEpochs = section.Int("max_epochs", required: true, min: 1);
        var fixedKeys = isPlugin ? [.. CommonKeys, .. PluginKeys] : CommonKeys;
        var options = workload is null ? null : ReadOptions(section, workload, fixedKeys);
        if (kind is null || workload is null || maxEpochs is null || options is null) return new WorkloadFields(null, workload, maxEpochs);

        var result = new WorkloadSection(kind, maxEpochs.Value, options, workload) { Bundle = bundle, Type = type };
        return new WorkloadFields(result, workload, maxEpochs);
    }

    private static WorkloadFields ReadCommand(MappingReader section)
    {
        section.ReportUnknownKeys([.. CommonKeys, .. CommandReader.Keys]);
        var maxEpochs = section.Int("max_epochs", required: true, min: 1);
        var command = CommandReader.Read(section);
        var result = command is null || maxEpochs is null
            ? null
            : new WorkloadSection(WorkloadKinds.Command, maxEpochs.Value, new Dictionary<string, object>(), null) { Command = command };
        return new WorkloadFields(result, null, maxEpochs, IsCommand: true);
    }

    private static BundleDigest? ReadBundle(MappingReader section)
    {
        var text = section.String("bundle", required: true);
        if (text is null) return null;
        if (BundleDigest.TryParse(text, out var digest)) return digest;
        section.Problems.Add(
            section.PathOf("bundle"),
            $"bundle must be sha256: and the 64 hex digits of an uploaded bundle, but got '{text}' (tuner submit and tuner run " +
            "upload a local folder or .nupkg and write its digest here; over REST, POST the bundle to /api/bundles first)",
            section.Find("bundle"));
        return null;
    }

    /// <summary>Every key that is neither common nor a plugin key must be one of the workload's options; their values
    /// are scalars or lists of scalars, and the workload checks them (<see cref="IWorkload.ValidateOptions"/>).</summary>
    private static Dictionary<string, object>? ReadOptions(MappingReader section, IWorkload workload, IReadOnlyList<string> fixedKeys)
    {
        var before = section.Problems.Count;
        var declared = workload.Options.Select(o => o.Name).ToList();
        var known = fixedKeys.Concat(declared).ToList();
        var options = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in section.Node.Children)
        {
            var key = MappingReader.KeyText(keyNode);
            if (fixedKeys.Contains(key)) continue;
            if (!declared.Contains(key))
            {
                var suggestion = KeySuggestions.DidYouMean(key, known);
                section.Problems.Add(section.PathOf(key), suggestion.Length > 0
                    ? $"unknown key '{key}'{suggestion}"
                    : $"unknown key '{key}'; workload '{workload.Kind}' takes {KeySuggestions.List(known)}", keyNode);
                continue;
            }

            if (OptionValue(valueNode) is { } value) options[key] = value;
            else if (!ScalarValues.IsNull(valueNode))
                section.Problems.Add(section.PathOf(key), $"expected a value or a list of values, got {ScalarValues.Describe(valueNode)}", valueNode);
        }

        if (section.Problems.Count != before) return null;
        foreach (var problem in workload.ValidateOptions(options))
        {
            section.Problems.Add(section.Path, problem, section.Node);
        }

        return section.Problems.Count == before ? options : null;
    }

    private static object? OptionValue(YamlNode node) => node switch
    {
        YamlScalarNode => ScalarValues.ToValue(node),
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode && !ScalarValues.IsNull(c)) =>
            sequence.Children.Select(c => ScalarValues.ToValue(c)!).ToList(),
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: var k } && k == key).Value;
}
