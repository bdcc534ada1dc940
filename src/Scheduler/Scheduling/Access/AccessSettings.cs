using System.Net;
using Tuner.Core.Settings;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Access;

/// <summary>
/// Whether the server asks for keys, resolved from <see cref="AccessOptions"/> and where it listens: `auto` is open only
/// while every address is loopback (a wildcard such as <c>*</c> or <c>0.0.0.0</c>, or a host name other than
/// localhost, is not), so a server reachable from a network never starts open unless TUNER_AUTH=open says so.
/// </summary>
public sealed record AccessSettings(bool RequiresKeys, string Why)
{
    public static AccessSettings Open { get; } = new(false, "every address is loopback");

    public static AccessSettings Read(SettingsReader reader, string urls) => Resolve(reader.Read<AccessOptions>().Mode, urls);

    public static AccessSettings Resolve(string mode, string urls) => mode switch
    {
        AccessOptions.Open => new(false, "TUNER_AUTH=open"),
        AccessOptions.Keys => new(true, "TUNER_AUTH=keys"),
        _ when NonLoopback(urls) is { } address => new(true, $"{address} is not a loopback address"),
        _ => Open,
    };

    /// <summary>The line `tuner server` and `tuner run` print about access once they listen.</summary>
    public string Banner(int activeKeys) => RequiresKeys
        ? activeKeys == 0
            ? $"Access: API keys required ({Why}), and there are none yet: create one with `tuner keys create NAME --role admin`"
            : $"Access: API keys required ({Why}); {activeKeys} active key(s); sign in to the pages at /signin"
        : Why == Open.Why
            ? "Access: open to anyone on this machine (listening on loopback only); TUNER_AUTH=keys asks for API keys"
            : "Access: OPEN to anyone who can reach this address (TUNER_AUTH=open): put an authenticating proxy in front";

    private static string? NonLoopback(string urls)
    {
        foreach (var url in ListenUrls.Split(urls))
        {
            var host = ListenUrls.Parse(url, "TUNER_URLS").Host;
            var isLoopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!isLoopback)
                return url;
        }

        return null;
    }
}
