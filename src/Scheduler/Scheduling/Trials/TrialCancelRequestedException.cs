namespace Tuner.Scheduling.Trials;

/// <summary>
/// The trial's sweep was cancelled: found when an epoch is reported (the heartbeat finds it too, within a quarter of
/// the lease), so a running trial stops at the end of the epoch it is in and ends Cancelled.
/// </summary>
public sealed class TrialCancelRequestedException(long trialId)
    : Exception($"trial {trialId}: its sweep was cancelled");
