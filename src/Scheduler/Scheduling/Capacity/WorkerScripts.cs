using Tuner.Core.Model;
using Tuner.Scheduling.Workers;
using Tuner.Core.Capacity;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduling.Capacity;

/// <summary>
/// Writes the startup script for a pool's next machine: where the database, the checkpoints and the queue are. Workers
/// sign in as TUNER_WORKER_DATABASE_URL says, else as the worker role; never with the scheduler's own credential on a
/// cloud machine, whose script the cloud keeps as instance metadata (docs/cloud-capacity.md, "The worker role").
/// </summary>
public sealed class WorkerScripts(TunerSettings settings, CapacitySettings capacity, DatabaseAddress database)
{
    public string For(CapacityPool pool)
    {
        var narrow = capacity.WorkerDatabaseUrl ?? capacity.WorkerRoleDatabaseUrl;
        if (pool.Provider == Local.LocalCapacityProvider.ProviderName)
        {
            // A local worker is a child of this process on this machine: without a worker role (an owner that may not
            // create roles, or a server built in a test), it may use the scheduler's credential.
            var local = new Dictionary<string, string>(settings.ToEnvironment(narrow ?? database.ConnectionString)) { ["TUNER_QUEUE"] = pool.Name };
            return WorkerStartupScript.ForLocal(local, SelfProcess.Command());
        }

        if (narrow is null)
        {
            throw new CapacityException(CapacityErrorKind.Rejected, "NoWorkerCredential",
                "cloud workers need a database credential of their own: grant the scheduler's database user CREATEROLE (it then makes a worker role at start) or set TUNER_WORKER_DATABASE_URL (see docs/cloud-capacity.md)");
        }

        var environment = new Dictionary<string, string>(settings.ToEnvironment(narrow)) { ["TUNER_QUEUE"] = pool.Name };

        if (capacity.WorkerImage is null)
        {
            throw new CapacityException(CapacityErrorKind.Rejected, "NoWorkerImage", "cloud workers need a container image: set TUNER_WORKER_IMAGE (see docs/cloud-capacity.md)");
        }

        if (!settings.CheckpointRoot.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw new CapacityException(CapacityErrorKind.Rejected, "NoObjectStore",
                $"cloud workers need object storage for checkpoints: set TUNER_CHECKPOINTS=s3://bucket/prefix (it is '{settings.CheckpointRoot}')");
        }

        foreach (var local in new[] { "TUNER_HOME", "TUNER_DATA_DIR" })
        {
            environment.Remove(local);
        }

        // TUNER_WORKER_ENV names variables of this process (an HMAC key's AWS_ACCESS_KEY_ID, ...), not Tuner settings:
        // their values come from the environment itself, never from the config file.
        foreach (var name in capacity.WorkerEnvironment)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value) environment[name] = value;
        }

        return WorkerStartupScript.ForCloud(environment, pool.Provider, capacity.WorkerImage, pool.GpuCount);
    }
}
