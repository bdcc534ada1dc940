using Hangfire;
using Tuner.Jobs.Display;
using Tuner.Scheduling.Orchestration;

namespace Tuner.Jobs;

/// <summary>The Hangfire job that runs one orchestration pass; enqueued when a sweep is submitted or cancelled, when a pass
/// fills a whole batch, and when a worker could not run the pass itself after a run ended.</summary>
public sealed class SweepOrchestrationJob(SweepOrchestrator orchestrator)
{
    [Queue(HangfireSetup.OrchestratorQueue)]
    [AutomaticRetry(Attempts = 5)]
    [OrchestrationJobName]
    public Task RunAsync(long sweepId, CancellationToken ct) => orchestrator.OrchestrateAsync(sweepId, ct);
}
