using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>Where `tuner server` and `tuner run` listen; the client commands derive the server's address from it too.</summary>
public sealed class ServerOptions
{
    [ConfigurationKeyName("URLS")]
    [Setting("where `tuner server` and `tuner run` listen (http(s) URLs separated by `;`)")]
    public string Urls { get; set; } = ListenUrls.Default;

    [ConfigurationKeyName("PATH_BASE")]
    [Setting("the path a reverse proxy serves `tuner server` under, such as `/tuner`, with requests passed on unchanged: the API, the pages, sign-in and the Hangfire dashboard answer under it and link with it (they still answer at the root too)",
        Rule = PathBaseRule)]
    public string? PathBase { get; set; }

    private const string PathBaseRule = "must be a path that starts with / and does not end with one, such as /tuner";

    /// <summary>What is wrong with <see cref="Urls"/> and <see cref="PathBase"/> for a role that listens on them.</summary>
    public IEnumerable<string> Problems()
    {
        var problems = new List<string>();
        try
        {
            ListenUrls.Validate(Urls, SettingCatalog.Variable<ServerOptions>(nameof(Urls)));
        }
        catch (Tuner.Core.SettingsException e)
        {
            problems.AddRange(e.Problems);
        }

        if (PathBase is { } path && !IsPathBase(path))
            problems.Add($"{SettingCatalog.Variable<ServerOptions>(nameof(PathBase))} {PathBaseRule}, but got '{path}'");
        return problems;
    }

    private static bool IsPathBase(string path) =>
        path.Length > 1 && path[0] == '/' && path[^1] != '/' && !path.Contains("//", StringComparison.Ordinal)
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~');
}
