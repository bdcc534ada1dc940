using Tuner.Core.Model;

namespace Tuner.Core.Trials;

/// <summary>What the records say when a worker is lost: on its run, and on a trial failed at budget.max_lost_runs.</summary>
public static class LostRunReasons
{
    /// <summary>A silent worker's run: the worker, and the epoch it was in.</summary>
    public static string Silent(TrialRun run) =>
        $"worker {run.WorkerId} went silent without notice during epoch {run.ResumedEpoch + run.EpochsTrained + 1}";

    /// <summary>A worker that went silent after taking the lease, before it opened its run: the zero-length run Tuner
    /// records for it, so that every lost run and preemption counted has a run that shows it.</summary>
    public static string SilentBeforeRun(string workerId) =>
        $"worker {workerId} went silent after taking the lease, before its run began";

    /// <summary>A run whose machine the provider no longer has.</summary>
    public static string MachineGone(string instanceId) => $"machine {instanceId} is gone";

    /// <summary>A trial failed at budget.max_lost_runs, with what ended the last lost run.</summary>
    public static string Limit(int lostRuns, string? lastReason) =>
        $"worker lost {lostRuns} times (last: {lastReason ?? Unrecorded})";

    /// <summary>A lost run with no run recorded to say more.</summary>
    public const string Unrecorded = "its lease expired without notice";
}
