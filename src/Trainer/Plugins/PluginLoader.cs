using System.Collections.Concurrent;
using System.Reflection;
using Tuner.Workloads;

namespace Tuner.Trainer.Plugins;

/// <summary>
/// Loads the workload a plugin bundle holds: each bundle in its own <see cref="PluginLoadContext"/>, once per process
/// (a worker runs many trials of the same sweep). Before any of the plugin's code runs it checks that the plugin was
/// built against a contract this worker speaks (same major version, same or older minor) and against the TorchSharp
/// the worker ships; then it finds the class that implements <see cref="IWorkload"/> and builds it. Every failure is a
/// <see cref="PluginException"/> that names the bundle, the assembly or class, and the fix.
/// </summary>
public sealed class PluginLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<PluginLoadContext>> Contexts = new();
    private readonly ConcurrentDictionary<(string Folder, string? Type), Lazy<IWorkload>> _workloads = new();

    /// <summary>The contract version this worker speaks.</summary>
    public static Version ContractVersion { get; } = typeof(IWorkload).Assembly.GetName().Version!;

    /// <summary>The TorchSharp version this worker ships.</summary>
    public static Version TorchSharpVersion { get; } = typeof(TorchSharp.torch).Assembly.GetName().Version!;

    /// <summary>The workload in the unpacked bundle at <paramref name="folder"/>: the class named
    /// <paramref name="type"/> (full name), or the only one the bundle has.</summary>
    /// <param name="bundle">How messages name the bundle ("sha256:…").</param>
    public IWorkload Load(string folder, string? type, string bundle)
    {
        var lazy = _workloads.GetOrAdd((folder, type), key => new Lazy<IWorkload>(() => Create(key.Folder, key.Type, bundle)));
        try
        {
            return lazy.Value;
        }
        catch (PluginException)
        {
            _workloads.TryRemove(new KeyValuePair<(string, string?), Lazy<IWorkload>>((folder, type), lazy));
            throw;
        }
    }

    private static IWorkload Create(string folder, string? type, string bundle)
    {
        var candidates = Candidates(folder);
        var context = Contexts.GetOrAdd(folder, f => new Lazy<PluginLoadContext>(() =>
            new PluginLoadContext($"plugin {bundle}", f, candidates.FirstOrDefault(c => File.Exists(Path.ChangeExtension(c, ".deps.json")))))).Value;
        var assemblies = candidates.Select(path => context.LoadFromAssemblyPath(path))
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == "Tuner.Workloads"))
            .ToList();
        if (assemblies.Count == 0)
        {
            throw new PluginException(
                $"bundle {bundle} has no assembly that references Tuner.Workloads (its assemblies: {string.Join(", ", candidates.Select(Path.GetFileName))}); " +
                "a plugin implements Tuner.Workloads.IWorkload (see src/Trainer/Contract)");
        }

        foreach (var assembly in assemblies) CheckVersions(assembly, bundle);
        var workloads = assemblies.SelectMany(a => ExportedTypes(a, bundle))
            .Where(t => typeof(IWorkload).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        var chosen = Choose(workloads, type, bundle);
        return Construct(chosen);
    }

    /// <summary>The bundle's own managed assemblies: every .dll at its top level except the shared ones and files that
    /// are not .NET assemblies (native libraries).</summary>
    private static List<string> Candidates(string folder) => Directory.GetFiles(folder, "*.dll")
        .Where(path => !PluginLoadContext.Shared.Contains(Path.GetFileNameWithoutExtension(path)))
        .Where(IsManagedAssembly)
        .Order(StringComparer.Ordinal)
        .ToList();

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static void CheckVersions(Assembly assembly, string bundle)
    {
        var file = Path.GetFileName(assembly.Location);
        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            if (reference is { Name: "Tuner.Workloads", Version: { } contract }
                && (contract.Major != ContractVersion.Major || contract.Minor > ContractVersion.Minor))
            {
                throw new PluginException(
                    $"{file} in bundle {bundle} was built against workload contract {contract.Major}.{contract.Minor}, but this worker speaks " +
                    $"{ContractVersion.Major}.{ContractVersion.Minor} (src/Trainer/Contract/CHANGELOG.md): rebuild it against Tuner.Workloads {ContractVersion.Major}.{ContractVersion.Minor}");
            }

            if (reference is { Name: "TorchSharp", Version: { } torch }
                && (torch.Major != TorchSharpVersion.Major || torch.Minor != TorchSharpVersion.Minor))
            {
                throw new PluginException(
                    $"{file} in bundle {bundle} was built against TorchSharp {torch.ToString(3)}, but this worker ships TorchSharp " +
                    $"{TorchSharpVersion.ToString(3)}: reference the same TorchSharp version (docs/workloads.md)");
            }
        }
    }

    private static Type[] ExportedTypes(Assembly assembly, string bundle)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or ReflectionTypeLoadException or TypeLoadException)
        {
            throw new PluginException($"{Path.GetFileName(assembly.Location)} in bundle {bundle} cannot be loaded: {MissingDependency(e)}", e);
        }
    }

    private static Type Choose(IReadOnlyList<Type> workloads, string? type, string bundle)
    {
        var names = string.Join(", ", workloads.Select(t => t.FullName));
        if (type is not null)
        {
            return workloads.FirstOrDefault(t => t.FullName == type) ?? throw new PluginException(workloads.Count == 0
                ? $"bundle {bundle} has no class '{type}': it has no public class implementing Tuner.Workloads.IWorkload at all"
                : $"bundle {bundle} has no workload class '{type}'; its workloads: {names}") { ConcernsType = true };
        }

        return workloads.Count switch
        {
            1 => workloads[0],
            0 => throw new PluginException($"bundle {bundle} has no public class implementing Tuner.Workloads.IWorkload"),
            _ => throw new PluginException($"bundle {bundle} has several workloads ({names}); name one with workload.type"),
        };
    }

    private static IWorkload Construct(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new PluginException($"workload class '{type.FullName}' needs a public parameterless constructor");
        try
        {
            return (IWorkload)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw new PluginException($"the constructor of workload class '{type.FullName}' threw {inner.GetType().Name}: {inner.Message}", inner);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new PluginException($"workload class '{type.FullName}' cannot be built: {MissingDependency(e)}", e);
        }
    }

    private static string MissingDependency(Exception e) => e switch
    {
        FileNotFoundException { FileName: { } name } => $"it needs '{name}', which is not in the bundle (publish the plugin with its dependencies)",
        ReflectionTypeLoadException { LoaderExceptions: var inner } when inner.FirstOrDefault(x => x is not null) is { } first => MissingDependency(first),
        _ => e.Message,
    };
}
