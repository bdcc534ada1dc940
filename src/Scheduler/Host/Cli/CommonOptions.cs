using System.CommandLine;

namespace Tuner.Scheduler.Cli;

internal static class CommonOptions
{
    /// <summary>`--verbose`, on every command: stack traces with failures, and the libraries' own log lines.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show stack traces with errors, and the log lines of EF Core, Hangfire and ASP.NET Core",
        Recursive = true,
    };

    public static Option<string?> Server() => new("--server")
    {
        Description = "Base URL of a running `tuner server` (default: $TUNER_SERVER, else derived from $TUNER_URLS, else http://127.0.0.1:5080)",
    };

    public static Option<string?> Home() => new("--home")
    {
        Description = "Folder for the private database, checkpoints and data (default: $TUNER_HOME or ./.tuner)",
    };

    public static Option<string?> Urls() => new("--urls")
    {
        Description = "Where the API listens, http(s) URLs separated by ';' (default: $TUNER_URLS or http://127.0.0.1:5080)",
    };
}
