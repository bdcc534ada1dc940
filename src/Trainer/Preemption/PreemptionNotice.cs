namespace Tuner.Trainer.Preemption;

/// <summary>
/// Word that this machine is about to be taken back. <paramref name="TerminationTime"/> is when the provider says
/// (or, where it says nothing exact, is expected to) stop the machine; null when unknown.
/// </summary>
public sealed record PreemptionNotice(string Source, DateTimeOffset? TerminationTime, string Detail);
