using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduler.Cli;

/// <summary>Where the client commands (submit, status, cancel) find `tuner server` when --server is not given, and the key they send.</summary>
public sealed class ClientOptions
{
    [ConfigurationKeyName("SERVER")]
    [Setting("the server `tuner submit`, `status` and `cancel` talk to when `--server` is not given; unset, they use the first `TUNER_URLS` address (a wildcard host such as `*` or `0.0.0.0` becomes 127.0.0.1)")]
    public string? Server { get; set; }

    [ConfigurationKeyName("API_KEY")]
    [Setting("the API key the client commands send (`Authorization: Bearer`); needed when the server asks for keys (`TUNER_AUTH`, docs/access.md)")]
    public string? ApiKey { get; set; }
}
