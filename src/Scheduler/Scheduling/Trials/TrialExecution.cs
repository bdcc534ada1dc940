using Microsoft.Extensions.Logging;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Queueing;
using Tuner.Scheduling.Workers;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Scheduling.Settings;
using Tuner.Persistence.Leases;
using Tuner.Workloads;
using Tuner.Scheduling.Workloads;
using Tuner.Scheduling.Orchestration;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// What a worker does with a trial's job: take the lease, resume from the latest checkpoint, train, report,
/// checkpoint, and end the run. Safe to deliver twice: without the lease it does nothing.
/// </summary>
public sealed class TrialExecution(
    TrialLeases leases,
    TrialRunStarter starter,
    TrialFinalizer finalizer,
    FencedTransaction fenced,
    IDbContextFactory<TunerDbContext> contexts,
    ICheckpointStore store,
    CheckpointJanitor janitor,
    SweepOrchestrator orchestrator,
    IJobQueue queue,
    WorkerIdentity worker,
    WorkerStopReason stopReason,
    TunerMetrics metrics,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<TrialExecution> logger)
{
    /// <summary>How a run stopped by its sweep's budget ends (Interrupted: the trial waits, and resumes from this
    /// checkpoint when the budget is raised).</summary>
    public const string BudgetPauseReason = "sweep paused: its budget is spent (budget.when_spent: stop); resumes from its checkpoint when the budget is raised";

    /// <param name="trialId">The trial to run.</param>
    /// <param name="preemption">The job's token: fires on SIGTERM (server shutdown); the trial checkpoints and hands back.</param>
    public async Task RunAsync(long trialId, CancellationToken preemption)
    {
        var lease = await leases.TryAcquireAsync(trialId, worker.Id, settings.LeaseDuration, CancellationToken.None);
        if (lease is null)
        {
            logger.LogInformation("Trial {TrialId} is owned elsewhere or finished; nothing to do", trialId);
            return;
        }

        if (await starter.StartAsync(lease, worker, CancellationToken.None) is not { } started)
        {
            logger.LogWarning("Trial {TrialId} lost its worker budget.max_lost_runs times; it ended Failed", trialId);
            return;
        }

        var (context, spec) = started;

        try
        {
            await TrainAsync(context, spec, preemption);
        }
        finally
        {
            await OrchestrateAsync(context.SweepId);
        }
    }

    private async Task TrainAsync(TrialContext context, TrialSpec spec, CancellationToken preemption)
    {
        await using var heartbeat = new LeaseHeartbeat(
            leases, context.Lease, settings.LeaseDuration, settings.HeartbeatInterval, clock, logger);
        try
        {
            await RunAndEndAsync(context, spec, heartbeat, preemption);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && InfrastructureFaults.IsInfrastructure(ex))
        {
            await HandBackAfterFaultAsync(context, ex);
        }
    }

    private async Task RunAndEndAsync(TrialContext context, TrialSpec spec, LeaseHeartbeat heartbeat, CancellationToken preemption)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(heartbeat.Lost, heartbeat.CancelRequested);
        // A budget pause stops the run as a preemption does (checkpoint, then hand back), but it is not one.
        using var handBack = CancellationTokenSource.CreateLinkedTokenSource(preemption, heartbeat.StopRequested);
        var host = new FencedTrialHost(context, fenced, contexts, store, settings.CheckpointCompression, janitor, metrics, clock, logger);
        var environment = settings.TrainingEnvironment();
        var none = CancellationToken.None;
        try
        {
            var outcome = await TrialWorkloads.RunAsync(
                context.Plan.Definition, spec, environment, host, context.TrialId, logger, handBack.Token, abort.Token);
            logger.LogInformation("Trial {TrialId} run ended: {Outcome} at epoch {Epoch}", context.TrialId, outcome.Kind, outcome.Position.Epoch);
            switch (outcome.Kind)
            {
                case TrialOutcomeKind.Completed:
                    await finalizer.CompleteAsync(context, none);
                    break;
                case TrialOutcomeKind.Preempted when !preemption.IsCancellationRequested && heartbeat.StopRequested.IsCancellationRequested:
                    await finalizer.InterruptAsync(context, BudgetPauseReason, none);
                    break;
                case TrialOutcomeKind.Preempted:
                    await finalizer.PreemptAsync(context, stopReason.Describe(), none);
                    break;
            }
        }
        catch (LeaseLostException ex)
        {
            logger.LogWarning("{Message}; another worker has the trial", ex.Message);
        }
        catch (Exception ex) when (ex is TrialCancelRequestedException
            || (ex is OperationCanceledException && heartbeat.CancelRequested.IsCancellationRequested))
        {
            await finalizer.CancelAsync(context, none);
        }
        catch (OperationCanceledException) when (heartbeat.Lost.IsCancellationRequested)
        {
            logger.LogWarning("Trial {TrialId}: lease lost mid-training; stopped without writing", context.TrialId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !InfrastructureFaults.IsInfrastructure(ex))
        {
            logger.LogWarning("Trial {TrialId} failed: {Error}", context.TrialId, ex.Message);
            await finalizer.FailAsync(context, ex is TrialFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", none);
        }
    }

    /// <summary>
    /// The database or the store failed under the run: not the trial's fault. Hands the trial back (run Interrupted) as
    /// soon as the database answers again, within a lease's time; if it does not, the job fails with the original fault,
    /// the lease expires and the reconciler requeues the trial.
    /// </summary>
    private async Task HandBackAfterFaultAsync(TrialContext context, Exception fault)
    {
        var cause = InfrastructureFaults.Find(fault) ?? fault;
        var reason = $"infrastructure fault: {cause.GetType().Name}: {cause.Message}";
        logger.LogWarning("Trial {TrialId}: {Reason}; handing the trial back to resume from its last checkpoint", context.TrialId, reason);
        try
        {
            await FaultRetry.Within(
                    settings.LeaseDuration, clock,
                    (ex, delay) => logger.LogInformation("Trial {TrialId}: handing back failed ({Message}); retrying in {Delay}", context.TrialId, ex.Message, delay))
                .ExecuteAsync(async ct => await finalizer.InterruptAsync(context, reason, ct), CancellationToken.None);
        }
        catch (LeaseLostException ex)
        {
            logger.LogWarning("{Message}; the trial was taken over while the database was away", ex.Message);
        }
        catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex))
        {
            logger.LogWarning("Trial {TrialId}: could not hand the trial back ({Message}); its lease will expire", context.TrialId, ex.Message);
            ExceptionDispatchInfo.Capture(fault).Throw();
        }
    }

    /// <summary>
    /// Runs the sweep's orchestration pass here, as soon as the run has ended, so the next trial is sampled and queued
    /// without waiting for the orchestrator queue (one Hangfire job and its poll per trial: the largest cost of short
    /// trials, docs/benchmarks.md). Passes are serialized by the sweep's row lock wherever they run. Best effort: when
    /// the pass fails, the job is enqueued instead, and the reconciler orchestrates every active sweep every few seconds
    /// anyway; a failure here must not replace the exception the run ended with.
    /// </summary>
    private async Task OrchestrateAsync(long sweepId)
    {
        try
        {
            await orchestrator.OrchestrateAsync(sweepId, CancellationToken.None);
            return;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Orchestrating sweep {SweepId} after the run failed ({Message}); enqueueing the pass", sweepId, ex.Message);
        }

        try
        {
            queue.EnqueueOrchestration(sweepId);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Enqueueing orchestration of sweep {SweepId} failed ({Message}); the reconciler will orchestrate it", sweepId, ex.Message);
        }
    }
}
