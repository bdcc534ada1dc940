using Microsoft.Extensions.Logging.Console;

namespace Tuner.Scheduler.Hosting.Logging;

/// <summary>
/// How every `tuner` role logs to the console: Tuner's own lines from a minimum level up (Information by default); EF Core, Hangfire,
/// ASP.NET Core, the host's lifetime chatter and HttpClient only from Warning (everything from Information with --verbose).
/// </summary>
public static class TunerLogging
{
    private static readonly string[] Libraries =
        ["Microsoft.EntityFrameworkCore", "Hangfire", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "System.Net.Http.HttpClient", "Npgsql"];

    /// <param name="toStandardError">Every line to stderr, for a command whose stdout is its answer (`tuner keys create`).</param>
    public static ILoggingBuilder AddTunerConsole(this ILoggingBuilder logging, bool verbose, LogLevel minimum = LogLevel.Information, bool toStandardError = false)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        foreach (var library in Libraries)
        {
            logging.AddFilter(library, verbose ? LogLevel.Information : LogLevel.Warning);
        }

        logging.AddConsole(o =>
        {
            o.FormatterName = TunerConsoleFormatter.FormatterName;
            if (toStandardError) o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        logging.AddConsoleFormatter<TunerConsoleFormatter, TunerConsoleFormatterOptions>(o => o.Verbose = verbose);
        return logging;
    }

    /// <summary>A console logger factory for the moments before a host exists (starting the database).</summary>
    public static ILoggerFactory CreateFactory(bool verbose, bool toStandardError = false) =>
        LoggerFactory.Create(b => b.AddTunerConsole(verbose, toStandardError: toStandardError));
}
