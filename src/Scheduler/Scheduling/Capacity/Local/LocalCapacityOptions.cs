namespace Tuner.Scheduling.Capacity.Local;

/// <summary>How the local provider runs worker processes.</summary>
/// <param name="StateDirectory">Where it keeps one file per worker process (HOME/capacity/local).</param>
/// <param name="LogDirectory">Where each worker's output goes (HOME/logs/worker-ID.log).</param>
/// <param name="MaxWorkers">Worker processes this machine may run at once (TUNER_LOCAL_MAX_WORKERS; `tuner run`
/// sets it to --workers); 0 means local pools are served by workers started elsewhere.</param>
/// <param name="StopGrace">After SIGTERM, how long a worker has to hand its trial back before SIGKILL.</param>
public sealed record LocalCapacityOptions(string StateDirectory, string LogDirectory, int MaxWorkers, TimeSpan StopGrace);
