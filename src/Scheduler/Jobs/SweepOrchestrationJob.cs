using Hangfire;
using Tuner.Scheduling.Orchestration;

namespace Tuner.Jobs;

/// <summary>The Hangfire job that runs one orchestration pass; enqueued when a sweep is submitted and whenever a trial ends.</summary>
public sealed class SweepOrchestrationJob(SweepOrchestrator orchestrator)
{
    [Queue(HangfireSetup.OrchestratorQueue)]
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(long sweepId, CancellationToken ct) => orchestrator.OrchestrateAsync(sweepId, ct);
}
