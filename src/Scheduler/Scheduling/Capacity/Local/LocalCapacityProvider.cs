using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Diagnostics;
using Tuner.Scheduling.Workers;
using Tuner.Core.Capacity;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>
/// Worker processes on this machine. A launch runs the startup script with bash (it ends in `exec tuner worker`, so the
/// script's process is the worker); a terminate sends SIGTERM, then SIGKILL after the grace period.
/// </summary>
public sealed class LocalCapacityProvider(LocalCapacityOptions options, ILogger<LocalCapacityProvider> logger) : ICapacityProvider
{
    public const string ProviderName = Tuner.Core.Capacity.PoolNames.Local;

    private readonly ConcurrentDictionary<string, Process> children = new();

    public string Name => ProviderName;

    public LocalCapacityOptions Options => options;

    public Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken ct)
    {
        Directory.CreateDirectory(options.StateDirectory);
        Directory.CreateDirectory(options.LogDirectory);
        var instanceId = "local-" + request.LaunchToken.Replace("-", "", StringComparison.Ordinal)[..12];
        var path = PathOf(instanceId);
        if (LocalInstanceFile.Read(path) is { } existing && ProcessTable.IsAlive(existing.ProcessId, existing.ProcessStartTicks))
        {
            return Task.FromResult(Launched(instanceId, request.Market));
        }

        var info = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
        // The script holds the database connection string: it goes through the environment (readable by this user
        // only), not the command line (readable by every user in `ps`), and is unset before the worker starts.
        // SIGINT is ignored (and stays ignored across exec): Ctrl+C in the terminal of `tuner run` or `tuner server`
        // is meant for them, not for their workers, which they stop with SIGTERM when they decide to.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("trap '' INT; script=$TUNER_WORKER_SCRIPT; unset TUNER_WORKER_SCRIPT; eval \"$script\"");
        info.Environment["TUNER_WORKER_SCRIPT"] = request.StartupScript;
        info.Environment["TUNER_INSTANCE_ID"] = instanceId;
        info.Environment["TUNER_WORKER_LOG"] = Path.Combine(options.LogDirectory, $"worker-{instanceId}.log");
        var process = Process.Start(info) ?? throw new CapacityException(CapacityErrorKind.Rejected, "StartFailed", "could not start /bin/bash for a local worker");
        KeepUntilExit(instanceId, process);
        var startTicks = ProcessTable.StartTicks(process.Id);
        if (startTicks is null)
        {
            throw new CapacityException(CapacityErrorKind.Rejected, "ExitedAtOnce", $"the local worker process {process.Id} exited at once; see {info.Environment["TUNER_WORKER_LOG"]}");
        }

        new LocalInstanceFile(instanceId, request.LaunchToken, request.Deployment, request.Pool, process.Id, startTicks.Value).Write(path);
        logger.LogInformation("Started local worker {InstanceId} (process {ProcessId})", instanceId, process.Id);
        return Task.FromResult(Launched(instanceId, request.Market));
    }

    public Task TerminateAsync(string instanceId, CancellationToken ct)
    {
        if (Find(instanceId) is not { } file) return Task.CompletedTask;
        Signal(file, ProcessSignals.SigTerm);
        _ = KillAfterAsync(file, options.StopGrace);
        return Task.CompletedTask;
    }

    /// <summary>The spot market's preemption: SIGTERM as the notice, SIGKILL when it runs out (at once for a zero notice).</summary>
    public Task PreemptAsync(string instanceId, TimeSpan notice)
    {
        if (Find(instanceId) is not { } file) return Task.CompletedTask;
        if (notice <= TimeSpan.Zero)
        {
            Signal(file, ProcessSignals.SigKill);
            return Task.CompletedTask;
        }

        Signal(file, ProcessSignals.SigTerm);
        _ = KillAfterAsync(file, notice);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProviderInstance>> ListAsync(string deployment, CancellationToken ct)
    {
        var live = new List<ProviderInstance>();
        if (!Directory.Exists(options.StateDirectory)) return Task.FromResult<IReadOnlyList<ProviderInstance>>(live);
        foreach (var path in Directory.EnumerateFiles(options.StateDirectory, "*.json"))
        {
            if (LocalInstanceFile.Read(path) is not { } file) continue;
            if (!ProcessTable.IsAlive(file.ProcessId, file.ProcessStartTicks))
            {
                File.Delete(path);
                continue;
            }

            if (file.Deployment == deployment)
            {
                live.Add(new ProviderInstance(file.InstanceId, file.LaunchToken, ProviderInstanceState.Running, ProviderName, null, CapacityMarket.OnDemand));
            }
        }

        return Task.FromResult<IReadOnlyList<ProviderInstance>>(live);
    }

    /// <summary>Holds the child's <see cref="Process"/> until it exits, so the runtime reaps it (no zombies).</summary>
    private void KeepUntilExit(string instanceId, Process process)
    {
        children[instanceId] = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            if (children.TryRemove(instanceId, out var exited)) exited.Dispose();
        };
        if (process.HasExited && children.TryRemove(instanceId, out var gone)) gone.Dispose();
    }

    private LocalInstanceFile? Find(string instanceId) =>
        LocalInstanceFile.Read(PathOf(instanceId)) is { } file && ProcessTable.IsAlive(file.ProcessId, file.ProcessStartTicks) ? file : null;

    private string PathOf(string instanceId) => Path.Combine(options.StateDirectory, instanceId + ".json");

    /// <summary>A local worker is on the market the pool asked for: spot in a pool with a simulated spot market, which
    /// the ledger prices at the local spot price.</summary>
    private static LaunchedInstance Launched(string instanceId, CapacityMarket market) => new(instanceId, ProviderName, null, market, null);

    private void Signal(LocalInstanceFile file, int signal)
    {
        if (!ProcessTable.IsAlive(file.ProcessId, file.ProcessStartTicks)) return;
        try
        {
            ProcessSignals.Send(file.ProcessId, signal);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogDebug("Signal {Signal} to {InstanceId}: {Message}", signal, file.InstanceId, ex.Message);
        }
    }

    private async Task KillAfterAsync(LocalInstanceFile file, TimeSpan grace)
    {
        await Task.Delay(grace);
        if (ProcessTable.IsAlive(file.ProcessId, file.ProcessStartTicks))
        {
            logger.LogInformation("Local worker {InstanceId} still running {Grace} after SIGTERM: SIGKILL", file.InstanceId, grace);
            Signal(file, ProcessSignals.SigKill);
        }
    }
}
