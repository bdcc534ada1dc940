using Tuner.Scheduler.Cli.Failures;
using Microsoft.AspNetCore.Http;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Settings;
using Tuner.Core;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// Where the client commands (submit, status, cancel) find `tuner server`, the same way everywhere: --server, else
/// TUNER_SERVER, else the first of TUNER_URLS (a wildcard host becomes loopback), else <see cref="ListenUrls.Default"/>.
/// </summary>
public sealed record ServerAddress(Uri Uri, string Source)
{
    /// <summary>TUNER_API_KEY: what the client sends as its bearer token; null sends none.</summary>
    public string? ApiKey { get; init; }

    /// <param name="option">--server.</param>
    /// <param name="client">TUNER_SERVER.</param>
    /// <param name="server">TUNER_URLS, not yet checked: only the client commands' own rules apply here.</param>
    public static ServerAddress Resolve(string? option, ClientOptions client, ServerOptions server)
    {
        var key = string.IsNullOrWhiteSpace(client.ApiKey) ? null : client.ApiKey.Trim();
        if (!string.IsNullOrWhiteSpace(option)) return Parse(option, "--server") with { ApiKey = key };
        if (client.Server is { } address) return Parse(address, "TUNER_SERVER") with { ApiKey = key };
        if (server.Urls != ListenUrls.Default) return FromListenUrls(server.Urls) with { ApiKey = key };
        return Parse(ListenUrls.Default, "the default address") with { ApiKey = key };
    }

    /// <summary>Reads TUNER_SERVER and TUNER_URLS and resolves the address as <see cref="Resolve(string?, ClientOptions, ServerOptions)"/> does.</summary>
    public static ServerAddress Resolve(string? option, TunerConfiguration configuration)
    {
        var reader = configuration.Reader();
        var client = reader.Read<ClientOptions>();
        var server = reader.Read<ServerOptions>();
        reader.Add(configuration.UnknownFileKeys(SettingTypes.All));
        reader.ThrowIfAny();
        return Resolve(option, client, server);
    }

    public override string ToString() => Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static ServerAddress Parse(string text, string source)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
        {
            return new ServerAddress(uri, source);
        }

        throw new CliFailure(ExitCodes.BadInput,
            $"{source} must be the http:// or https:// URL of a running `tuner server` (such as {ListenUrls.Default}), but got '{text}'");
    }

    private static ServerAddress FromListenUrls(string urls)
    {
        var first = ListenUrls.Split(urls).FirstOrDefault() ?? ListenUrls.Default;
        BindingAddress address;
        try
        {
            address = ListenUrls.Parse(first, "TUNER_URLS");
        }
        catch (SettingsException e)
        {
            throw new CliFailure(ExitCodes.BadInput, $"{e.Message}; fix it, or set TUNER_SERVER to the server's URL");
        }

        if (address.IsUnixPipe || address.Port == 0)
        {
            throw new CliFailure(ExitCodes.BadInput,
                $"TUNER_URLS ('{first}') does not say where to reach the server (a Unix socket or port 0); set TUNER_SERVER or pass --server");
        }

        var host = address.Host switch
        {
            "*" or "+" or "0.0.0.0" or "" => "127.0.0.1",
            "[::]" => "[::1]",
            var named => named,
        };
        return Parse($"{address.Scheme}://{host}:{address.Port}{address.PathBase}", "TUNER_URLS");
    }
}
