using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Tuner.Scheduler.Hosting.Logging;

/// <summary>
/// One line per log entry: "HH:mm:ss level Source: message", an exception as its type and message; the stack trace only
/// with --verbose. "Hosting failed to start" is left out unless verbose: the CLI reports that exception itself, once.
/// </summary>
public sealed class TunerConsoleFormatter(IOptionsMonitor<TunerConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "tuner";

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const int HostingFailedToStart = 11;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var verbose = options.CurrentValue.Verbose;
        if (!verbose && logEntry.Category == HostCategory && logEntry.EventId.Id == HostingFailedToStart)
        {
            return;
        }

        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var source = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        textWriter.Write($"{options.CurrentValue.Clock.GetLocalNow():HH:mm:ss} {Level(logEntry.LogLevel)} {source}: {message}");
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(verbose ? $"{Environment.NewLine}{exception}" : $" ({exception.GetType().Name}: {OneLine(exception.Message)})");
        }

        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "    ",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
