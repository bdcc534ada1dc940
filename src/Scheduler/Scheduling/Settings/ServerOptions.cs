using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>Where `tuner server` and `tuner run` listen; the client commands derive the server's address from it too.</summary>
public sealed class ServerOptions
{
    [ConfigurationKeyName("URLS")]
    [Setting("where `tuner server` and `tuner run` listen (http(s) URLs separated by `;`)")]
    public string Urls { get; set; } = ListenUrls.Default;

    /// <summary>What is wrong with <see cref="Urls"/> for a role that listens on it.</summary>
    public IEnumerable<string> Problems()
    {
        try
        {
            ListenUrls.Validate(Urls, SettingCatalog.Variable<ServerOptions>(nameof(Urls)));
            return [];
        }
        catch (Tuner.Core.SettingsException e)
        {
            return e.Problems;
        }
    }
}
