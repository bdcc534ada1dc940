using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Npgsql;
using Tuner.Scheduler.Hosting;
using Tuner.LocalPostgres;
using Tuner.Trainer;
using Tuner.Core;

namespace Tuner.Scheduler.Cli.Failures;

/// <summary>
/// The one place that turns what a command threw into an exit code and a line on stderr that says what is wrong and
/// what to do. Expected failures get their own code and message; anything else is a bug (exit 70). Stack traces only
/// with --verbose.
/// </summary>
public static class FailureReport
{
    public static async Task<int> WriteAsync(Exception exception, TextWriter error, bool verbose)
    {
        var failure = Describe(exception);
        await error.WriteLineAsync($"tuner: {failure.Message}");
        foreach (var detail in failure.Details)
        {
            await error.WriteLineAsync($"  {detail}");
        }

        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString());
        }

        return failure.ExitCode;
    }

    public static CliFailure Describe(Exception exception)
    {
        if (Find<CliFailure>(exception) is { } known) return known;
        if (Find<SettingsException>(exception) is { Problems.Count: > 1 } settings)
            return new(ExitCodes.BadInput, $"{settings.Problems.Count} settings cannot be used; fix them, or unset them to use their defaults:",
                [.. settings.Problems.Select(OneLine)]);
        if (Find<SettingsException>(exception) is { } setting)
            return new(ExitCodes.BadInput, $"{OneLine(setting.Message)}; fix it, or unset it to use the default");
        if (Find<DeviceUnavailableException>(exception) is { } device) return new(ExitCodes.DeviceUnavailable, device.Message);
        if (Find<LocalPostgresException>(exception) is { } localPostgres) return new(ExitCodes.DatabaseUnavailable, localPostgres.Message);
        if (Find<AddressInUseException>(exception) is not null || ListenDenied(exception))
        {
            var what = Find<IOException>(exception)?.Message.TrimEnd('.') ?? exception.Message;
            return new(ExitCodes.CannotListen,
                $"{what}; stop whatever listens there (another `tuner server`?) or choose another address with --urls or TUNER_URLS");
        }

        if (Find<NpgsqlException>(exception) is { } database)
            return new(ExitCodes.DatabaseUnavailable,
                $"PostgreSQL: {OneLine(database is PostgresException p ? $"{p.SqlState}: {p.MessageText}" : WithCause(database))}; " +
                "check that it runs and that TUNER_DATABASE_URL points at it (unset it to use the private cluster)");
        if (Find<HttpRequestException>(exception) is { } download)
            return new(ExitCodes.DataUnavailable,
                $"cannot download the training data: {OneLine(WithCause(download))}; check the network, or put the MNIST IDX files in TUNER_DATA_DIR");
        if (exception is InvalidDataException data)
            return new(ExitCodes.DataUnavailable, $"{OneLine(data.Message)}; delete the files in TUNER_DATA_DIR to download them again");
        if (Find<TrialFailedException>(exception) is { } training) return new(ExitCodes.WorkFailed, $"training failed: {OneLine(training.Message)}");
        if (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            return new(ExitCodes.BadInput, OneLine(exception.Message));
        if (exception is OperationCanceledException) return new(ExitCodes.Interrupted, "interrupted");
        return new(ExitCodes.Internal,
            $"unexpected {exception.GetType().Name}: {OneLine(exception.Message)} (a bug in Tuner: run again with --verbose and report the stack trace)");
    }

    private static bool ListenDenied(Exception exception) =>
        Find<IOException>(exception) is { } io && io.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal)
        && Find<SocketException>(exception) is not null;

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found) return found;
            if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate && Find<T>(aggregate.InnerExceptions[0]) is { } inner) return inner;
        }

        return null;
    }

    /// <summary>"Failed to connect to 127.0.0.1:5432 (Connection refused)": the message and its innermost cause.</summary>
    private static string WithCause(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner) innermost = inner;
        return ReferenceEquals(innermost, exception) ? exception.Message : $"{exception.Message} ({innermost.Message})";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
