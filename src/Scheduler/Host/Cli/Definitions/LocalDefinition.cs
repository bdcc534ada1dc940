using System.Text.Json;
using Tuner.Core.Workloads;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Trainer.Plugins;
using Tuner.Trainer.Workloads;
using Tuner.Workloads;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tuner.Scheduler.Cli.Definitions;

/// <summary>
/// What `tuner run` and `tuner submit` do to a definition file before anyone reads it as a sweep: a plugin's
/// <c>workload.bundle</c> that names a local folder or .nupkg is packed, uploaded (to the store, or to the server) and
/// replaced by its <c>sha256:</c> digest; a workload option that is a data location (<see cref="WorkloadOption.IsLocation"/>)
/// written as a relative path becomes absolute, relative to the definition file's folder, since the server and the
/// workers do not run in that folder; so does a command's relative <c>working_directory</c>. Everything else in the text is kept as written, so problems still point at the
/// user's own lines.
/// </summary>
internal static class LocalDefinition
{
    public static async Task<string> PrepareAsync(
        string text, string folder, Func<PluginBundle, CancellationToken, Task<BundleDigest>> upload, CancellationToken ct)
    {
        if (Workload(text) is not { } workload) return text;
        var edits = new List<(Mark Start, Mark End, string Value)>();
        var kind = Scalar(workload, "kind")?.Value;
        IWorkload? declared = kind is null ? null : BuiltInWorkloads.Find(kind);
        if (kind == WorkloadKinds.Plugin && Scalar(workload, "bundle") is { Value: { Length: > 0 } path } bundleNode
            && !BundleDigest.TryParse(path, out _))
        {
            var local = Path.GetFullPath(path, folder);
            var bundle = await PackAsync(local);
            var digest = await upload(bundle, ct);
            edits.Add((bundleNode.Start, bundleNode.End, digest.ToString()));
            declared = Directory.Exists(local) ? TryLoad(local, Scalar(workload, "type")?.Value) : null;
        }

        if (kind == WorkloadKinds.Command && Scalar(workload, "working_directory") is { Value: { Length: > 0 } directory } directoryNode
            && !Path.IsPathRooted(directory))
        {
            var absolute = Path.GetFullPath(directory, folder);
            if (!Directory.Exists(absolute)) throw Missing("working_directory", "folder", absolute);
            edits.Add((directoryNode.Start, directoryNode.End, absolute));
        }

        foreach (var option in declared?.Options.Where(o => o.IsLocation) ?? [])
        {
            if (Scalar(workload, option.Name) is { Value: { Length: > 0 } value } node && !value.Contains("://", StringComparison.Ordinal)
                && !Path.IsPathRooted(value))
            {
                // A relative path names a file beside the definition, on this machine: say so now rather than in every
                // trial's error. (An absolute path may name a file only the workers have; it is left to them.)
                var absolute = Path.GetFullPath(value, folder);
                if (!File.Exists(absolute)) throw Missing(option.Name, "file", absolute);
                edits.Add((node.Start, node.End, absolute));
            }
        }

        foreach (var (start, end, value) in edits.OrderByDescending(e => e.Start.Index))
        {
            text = string.Concat(text.AsSpan(0, (int)start.Index), JsonSerializer.Serialize(value), text.AsSpan((int)end.Index));
        }

        return text;
    }

    private static CliFailure Missing(string key, string what, string path) => new(
        ExitCodes.BadInput, $"workload.{key}: no such {what} {path} (a relative path is relative to the definition file's folder)");

    private static async Task<PluginBundle> PackAsync(string path)
    {
        try
        {
            return await PluginBundle.PackAsync(path, CancellationToken.None);
        }
        catch (PluginException e)
        {
            throw new CliFailure(ExitCodes.BadInput, $"workload.bundle: {e.Message}", inner: e);
        }
    }

    /// <summary>The plugin in a local build output, to learn which of its options are locations; null when it does
    /// not load here (the server says why when it reads the definition).</summary>
    private static IWorkload? TryLoad(string folder, string? type)
    {
        try
        {
            return new PluginLoader().Load(folder, type, folder);
        }
        catch (PluginException)
        {
            return null;
        }
    }

    /// <summary>The document's workload mapping; null when the text does not read as YAML or JSON with one (the
    /// definition reader then reports what is wrong).</summary>
    private static YamlMappingNode? Workload(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.FirstOrDefault()?.RootNode is YamlMappingNode root
                && root.Children.TryGetValue(new YamlScalarNode("workload"), out var node)
                ? node as YamlMappingNode
                : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static YamlScalarNode? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlScalarNode : null;
}
