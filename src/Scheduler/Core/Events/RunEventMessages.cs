namespace Tuner.Core.Events;

/// <summary>
/// The words of <see cref="SweepEventKinds.RunHandedBack"/> and <see cref="SweepEventKinds.RunLost"/> events, the same
/// wherever a run ends that way: the worker's hand-back (TrialFinalizer), the reconciler's expired leases
/// (ExpiredLeases) and a worker taking over an expired lease (TrialLeases).
/// </summary>
public static class RunEventMessages
{
    private const string WaitsToResume = "it waits to resume from its last checkpoint";

    /// <param name="reason">What ended the run, as recorded on it: "EC2 spot instance-action terminate at ...".</param>
    public static string HandedBack(int trialNumber, long trialId, string workerId, string reason) =>
        $"{TrialNames.Of(trialNumber, trialId)}: worker {workerId} handed it back ({reason}); {WaitsToResume}";

    /// <param name="reason">What ended the run, as recorded on it (LostRunReasons).</param>
    public static string LostAndRequeued(int trialNumber, long trialId, string reason) =>
        $"{TrialNames.Of(trialNumber, trialId)}: its run was lost ({reason}); {WaitsToResume}";

    /// <param name="error">The trial's error: the lost runs that reached budget.max_lost_runs.</param>
    public static string LostAndFailed(int trialNumber, long trialId, string reason, string? error) =>
        $"{TrialNames.Of(trialNumber, trialId)}: its run was lost ({reason}); the trial failed: {error}";

    /// <summary>A worker took the expired lease before the reconciler saw it; it resumes the trial from its last
    /// checkpoint, unless the trial has reached budget.max_lost_runs (the trial's error then says so).</summary>
    public static string LostAndTakenOver(int trialNumber, long trialId, string reason, string newOwner) =>
        $"{TrialNames.Of(trialNumber, trialId)}: its run was lost ({reason}); worker {newOwner} took the trial over";
}
