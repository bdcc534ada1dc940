using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace Tuner.Dashboard.Pages;

/// <summary>
/// The pages' files (wwwroot, embedded by Tuner.Dashboard.csproj), by their path under wwwroot with '/' separators.
/// They are small (tens of kilobytes in all), so they are read once and kept, each with an ETag from its content.
/// </summary>
internal static class PageAssets
{
    private static readonly Lazy<FrozenDictionary<string, PageAsset>> All = new(Load);

    public static PageAsset? Find(string path) => All.Value.GetValueOrDefault(path);

    private static FrozenDictionary<string, PageAsset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            // MSBuild names a resource from %(RecursiveDir) with the build machine's separator.
            var path = name.Replace('\\', '/');
            var content = Read(assembly, name);
            var type = types.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
            {
                type += "; charset=utf-8";
            }

            assets[path] = PageAsset.Of(path, content, type);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded page file {name} cannot be read");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
