using Microsoft.Extensions.Logging;

namespace Tuner.LocalPostgres;

/// <summary>
/// The start decision, taken under the cluster lock: reuse a live server on the data directory, or clear a killed
/// one's leftovers, check the port, initdb once, write the configuration and start.
/// </summary>
internal static class ClusterStartup
{
    /// <returns>True when this call started the server; false when it reused a running one.</returns>
    public static async Task<bool> EnsureRunningAsync(
        ServerControl control, LocalPostgresOptions options, ServerAccount account, ILogger logger, CancellationToken ct)
    {
        var dataDirectory = control.DataDirectory;
        if (PostmasterPidFile.Read(dataDirectory) is { } pidFile)
        {
            if (pidFile.BelongsToLiveServer())
            {
                return Reuse(pidFile, options, dataDirectory, logger);
            }
            await StaleServerFiles.RemoveAsync(pidFile, dataDirectory, logger, ct);
        }

        PortProbe.EnsureFree(options.Port, dataDirectory);
        await DataDirectoryAccess.PrepareAsync(dataDirectory, account, ct);
        if (!DataDirectoryAccess.IsInitialized(dataDirectory))
        {
            logger.LogInformation("Initializing PostgreSQL data directory {DataDirectory}", dataDirectory);
            await control.InitializeAsync(options.Durable, ct);
        }
        await ServerConfiguration.WriteAsync(dataDirectory, options, account, ct);
        logger.LogInformation(
            "Starting PostgreSQL in {DataDirectory} on 127.0.0.1:{Port} (log {LogFile})", dataDirectory, options.Port, control.LogFile);
        await control.StartAsync(ct);
        return true;
    }

    private static bool Reuse(PostmasterPidFile pidFile, LocalPostgresOptions options, string dataDirectory, ILogger logger)
    {
        if (pidFile.Port != options.Port)
        {
            throw new LocalPostgresException(
                $"PostgreSQL in '{dataDirectory}' already runs (PID {pidFile.ProcessId}) on port {pidFile.Port}, but " +
                $"port {options.Port} was asked for; use port {pidFile.Port} or stop it first (pg_ctl stop -D '{dataDirectory}')");
        }
        logger.LogInformation(
            "Reusing PostgreSQL already running in {DataDirectory} (PID {ProcessId}, port {Port})",
            dataDirectory, pidFile.ProcessId, pidFile.Port);
        return false;
    }
}
