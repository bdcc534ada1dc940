using Tuner.Scheduler.Cli.Failures;
using Microsoft.AspNetCore.Http;
using Tuner.Scheduler.Hosting;
using Tuner.Core;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// Where the client commands (submit, status, cancel) find `tuner server`, the same way everywhere: --server, else
/// TUNER_SERVER, else the first of TUNER_URLS (a wildcard host becomes loopback), else http://127.0.0.1:5080.
/// </summary>
public sealed record ServerAddress(Uri Uri, string Source)
{
    public static ServerAddress Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Parse(option, "--server");
        if (environment("TUNER_SERVER") is { } server && !string.IsNullOrWhiteSpace(server)) return Parse(server, "TUNER_SERVER");
        if (environment("TUNER_URLS") is { } urls && !string.IsNullOrWhiteSpace(urls)) return FromListenUrls(urls);
        return Parse(ListenUrls.Default, "the default address");
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
