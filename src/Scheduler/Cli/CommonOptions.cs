using System.CommandLine;

namespace Tuner.Scheduler.Cli;

internal static class CommonOptions
{
    public static Option<string> Server() => new("--server")
    {
        Description = "Base URL of a running `tuner server`",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TUNER_SERVER") ?? "http://127.0.0.1:5080",
    };

    public static Option<string?> Home() => new("--home")
    {
        Description = "Folder for the private database, checkpoints and data (default: $TUNER_HOME or ./.tuner)",
    };
}
