using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Tuner.Dashboard.Pages;

/// <summary>One file of the pages, read from the assembly once: its bytes, content type and strong ETag.</summary>
internal sealed record PageAsset(string Path, byte[] Content, string ContentType, string ETag)
{
    /// <summary>What every page shell says its root is; <see cref="UnderPathBase"/> puts the request's path base there.</summary>
    private const string RootBase = "<base href=\"/\">";

    public static PageAsset Of(string path, byte[] content, string contentType) => new(path, content, contentType, ETagOf(content));

    /// <summary>
    /// A page shell whose &lt;base href&gt; is the request's path base (a proxy that mounts Tuner under /tuner sets it),
    /// so the shell's relative links, scripts and API reads resolve under it. Without a path base, the shell as it is.
    /// </summary>
    public PageAsset UnderPathBase(PathString pathBase)
    {
        if (!pathBase.HasValue)
        {
            return this;
        }

        var text = Encoding.UTF8.GetString(Content).Replace(RootBase, $"<base href=\"{HtmlEncoder.Default.Encode(pathBase.Value!)}/\">", StringComparison.Ordinal);
        return Of(Path, Encoding.UTF8.GetBytes(text), ContentType);
    }

    /// <summary>What the one page shell names its script by; <see cref="ForPage"/> puts the page's module there.</summary>
    private const string PagePlaceholder = "__PAGE__";

    /// <summary>The page shell running <c>assets/js/{page}.js</c>: every page is the same shell, its own module draws it
    /// (and sets the title).</summary>
    public PageAsset ForPage(string page) =>
        Of($"{page}.html", Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Content).Replace(PagePlaceholder, page, StringComparison.Ordinal)), ContentType);

    private static string ETagOf(byte[] content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12))}\"";
}
