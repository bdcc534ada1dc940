using System.Reflection;
using System.Runtime.Loader;

namespace Tuner.Trainer.Plugins;

/// <summary>
/// One plugin bundle's assemblies, isolated from the worker's and from other bundles': a plugin may bring its own
/// version of a library the worker also uses. Two assemblies are shared with the worker instead, because their types
/// cross the boundary: the workload contract (<c>Tuner.Workloads</c>: the worker calls the plugin through it) and
/// TorchSharp (one native libtorch per process, and tensors the worker may hand over). The framework comes from the
/// worker too. Everything else resolves from the bundle, through its .deps.json when it has one.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    /// <summary>Assemblies that always come from the worker, whatever the bundle holds.</summary>
    public static readonly IReadOnlySet<string> Shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Tuner.Workloads", "TorchSharp" };

    private readonly string _folder;
    private readonly AssemblyDependencyResolver? _resolver;

    public PluginLoadContext(string name, string folder, string? mainAssembly)
        : base(name, isCollectible: false)
    {
        _folder = folder;
        _resolver = mainAssembly is not null && File.Exists(Path.ChangeExtension(mainAssembly, ".deps.json"))
            ? new AssemblyDependencyResolver(mainAssembly)
            : null;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || Shared.Contains(assemblyName.Name)) return null;
        var path = _resolver?.ResolveAssemblyToPath(assemblyName) ?? Path.Combine(_folder, assemblyName.Name + ".dll");
        // Not in the bundle: the framework (System.*, Microsoft.*) or a missing dependency, which the default context
        // then fails to find, naming it.
        return File.Exists(path) && !IsFrameworkAssembly(assemblyName) ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is not null ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }

    /// <summary>An assembly the runtime itself ships: loaded once, from the worker's framework.</summary>
    private static bool IsFrameworkAssembly(AssemblyName name) => File.Exists(Path.Combine(RuntimeDirectory, name.Name + ".dll"));

    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
}
