using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduler.Checkpoints;
using Tuner.Scheduler.Data;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Queueing;
using Tuner.Scheduler.Workers;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Scheduler.Trials;

/// <summary>
/// The Hangfire job a worker runs for a trial: take the lease, resume from the latest checkpoint, train, report,
/// checkpoint, and end the run. Safe to deliver twice: without the lease it does nothing.
/// </summary>
public sealed class TrialJob(
    TrialLeases leases,
    TrialRunStarter starter,
    TrialFinalizer finalizer,
    FencedTransaction fenced,
    IDbContextFactory<TunerDbContext> contexts,
    ICheckpointStore store,
    CheckpointJanitor janitor,
    JobQueue queue,
    WorkerIdentity worker,
    WorkerStopReason stopReason,
    TunerSettings settings,
    TimeProvider clock,
    ILogger<TrialJob> logger)
{
    /// <param name="trialId">The trial to run.</param>
    /// <param name="preemption">Hangfire's job token: fires on SIGTERM (server shutdown); the trial checkpoints and hands back.</param>
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long trialId, CancellationToken preemption)
    {
        var lease = await leases.TryAcquireAsync(trialId, worker.Id, settings.LeaseDuration, CancellationToken.None);
        if (lease is null)
        {
            logger.LogInformation("Trial {TrialId} is owned elsewhere or finished; nothing to do", trialId);
            return;
        }

        var (context, spec) = await starter.StartAsync(lease, worker, CancellationToken.None);
        try
        {
            await TrainAsync(context, spec, preemption);
        }
        finally
        {
            queue.EnqueueOrchestration(context.SweepId);
        }
    }

    private async Task TrainAsync(TrialContext context, TrialSpec spec, CancellationToken preemption)
    {
        await using var heartbeat = new LeaseHeartbeat(
            leases, context.Lease, settings.LeaseDuration, settings.HeartbeatInterval, clock, logger);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(heartbeat.Lost, heartbeat.CancelRequested);
        var host = new FencedTrialHost(context, fenced, contexts, store, janitor, clock, logger);
        var environment = new TrainingEnvironment(settings.DataDirectory, settings.TrainingThreads) { Device = settings.TrainingDevice };
        var none = CancellationToken.None;
        try
        {
            var outcome = await TrialRunner.RunAsync(spec, environment, host, preemption, abort.Token);
            logger.LogInformation("Trial {TrialId} run ended: {Outcome} at epoch {Epoch}", context.TrialId, outcome.Kind, outcome.Position.Epoch);
            switch (outcome.Kind)
            {
                case TrialOutcomeKind.Completed:
                    await finalizer.CompleteAsync(context, none);
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
        catch (Exception ex) when (ex is not OperationCanceledException && !IsInfrastructure(ex))
        {
            logger.LogWarning("Trial {TrialId} failed: {Error}", context.TrialId, ex.Message);
            await finalizer.FailAsync(context, ex is TrialFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}", none);
        }
    }

    /// <summary>Database and storage errors are not the trial's fault: the job fails, the lease expires and the trial resumes.</summary>
    private static bool IsInfrastructure(Exception ex) => ex is DbException or DbUpdateException or IOException;
}
