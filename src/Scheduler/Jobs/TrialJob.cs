using Hangfire;
using Tuner.Jobs.Display;
using Tuner.Scheduling.Trials;

namespace Tuner.Jobs;

/// <summary>The Hangfire job a worker runs for a trial (<see cref="TrialExecution"/>); retried by Hangfire when it
/// throws (an infrastructure fault it could not hand back).</summary>
public sealed class TrialJob(TrialExecution execution)
{
    /// <param name="trialId">The trial to run.</param>
    /// <param name="preemption">Hangfire's job token: fires on SIGTERM (server shutdown); the trial checkpoints and hands back.</param>
    [AutomaticRetry(Attempts = 3)]
    [TrialJobName]
    public Task RunAsync(long trialId, CancellationToken preemption) => execution.RunAsync(trialId, preemption);
}
