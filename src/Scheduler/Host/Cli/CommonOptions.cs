using System.CommandLine;
using Tuner.Scheduler.Hosting.Settings;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

internal static class CommonOptions
{
    /// <summary>`--verbose`, on every command: stack traces with failures, and the libraries' own log lines.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show stack traces with errors, and the log lines of EF Core, Hangfire and ASP.NET Core",
        Recursive = true,
    };

    /// <summary>`--config`, on every command: the JSON config file (see <see cref="TunerConfiguration"/>).</summary>
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = $"JSON file of settings, keys as the TUNER_ variables without TUNER_; variables win (default: ${TunerConfiguration.FileVariable}, else ./{TunerConfiguration.DefaultFileName} when it exists)",
        Recursive = true,
    };

    public static Option<string?> Server() => new("--server")
    {
        Description = $"Base URL of a running `tuner server` (default: $TUNER_SERVER, else derived from $TUNER_URLS, else {ListenUrls.Default})",
    };

    public static Option<string?> Home() => new("--home")
    {
        Description = $"Folder for the private database, checkpoints and data (default: $TUNER_HOME or ./{StorageOptions.DefaultHome})",
    };

    public static Option<string?> Urls() => new("--urls")
    {
        Description = $"Where the API listens, http(s) URLs separated by ';' (default: $TUNER_URLS or {ListenUrls.Default})",
    };
}
