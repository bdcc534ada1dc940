namespace Tuner.Core.Model;

/// <summary>Why a sweep stopped (<see cref="Sweep.StopReason"/>), and what its cancelled trials say.</summary>
public static class StopReasons
{
    public const string CancelledByRequest = "cancelled by request";
    public const string DeadlineReached = "deadline reached";
    public const string MaxTrialsReached = "max_trials reached";

    /// <summary>The error of a trial cancelled because its sweep stopped: the sweep's reason, when it has one.</summary>
    public static string ForTrial(string? sweepStopReason) => sweepStopReason ?? "sweep cancelled";
}
