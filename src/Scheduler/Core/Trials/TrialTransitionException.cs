using Tuner.Core.Model;

namespace Tuner.Core.Trials;

/// <summary>An event that cannot happen in the trial's state: a bug in the caller, never a user's mistake.</summary>
public sealed class TrialTransitionException(long trialId, TrialEvent trialEvent, TrialStatus status)
    : InvalidOperationException($"trial {trialId}: {trialEvent} cannot happen to a {status} trial");
