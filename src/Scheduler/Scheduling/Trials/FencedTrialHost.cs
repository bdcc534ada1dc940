using Tuner.Search;
using Microsoft.Extensions.Logging;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Scheduling.Checkpoints;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Core.Trials;
using Tuner.Scheduling.Sweeps;
using Tuner.Search.Pruners;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Checkpoints.Compression;
using Tuner.Persistence.Leases;
using Tuner.Scheduling.Monitoring;

namespace Tuner.Scheduling.Trials;

/// <summary>
/// The trial loop's window on the scheduler: reports and checkpoint records go to PostgreSQL under the lease's fencing
/// token, checkpoint objects to the store, and the pruner decides after every report (its latency, from the report's
/// arrival to the committed decision, goes to <see cref="TunerMetrics"/>).
/// </summary>
public sealed class FencedTrialHost(
    TrialContext context,
    FencedTransaction fenced,
    IDbContextFactory<TunerDbContext> contexts,
    ICheckpointStore store,
    CheckpointCompression compression,
    CheckpointJanitor janitor,
    TunerMetrics metrics,
    TimeProvider clock,
    ILogger logger) : ITrialHost, IBatchObserver
{
    private int firstBatchSeen;

    /// <summary>The newest Live checkpoint that reads back with its recorded SHA-256; see <see cref="CheckpointRestore"/>.</summary>
    public Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct) =>
        new CheckpointRestore(context, fenced, contexts, store, janitor, clock, logger).OpenLatestAsync(ct);

    /// <summary>Records when the run trained its first batch (once, off the training thread).</summary>
    public void BatchCompleted(TrainingPosition position)
    {
        if (Interlocked.Exchange(ref firstBatchSeen, 1) == 1) return;
        var at = clock.GetUtcNow();
        _ = Task.Run(async () =>
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                await db.TrialRuns.Where(r => r.Id == context.RunId && r.FirstBatchAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.FirstBatchAt, at));
            }
            catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex) || ex is InvalidOperationException)
            {
                logger.LogDebug("Recording the first batch of run {RunId} failed: {Message}", context.RunId, ex.Message);
            }
        });
    }

    public async Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct)
    {
        var received = clock.GetTimestamp();
        if (!report.Metrics.TryGetValue(context.Plan.Metric, out var value))
        {
            throw new TrialFailedException(
                $"the workload did not report the objective metric '{context.Plan.Metric}' (it reported {string.Join(", ", report.Metrics.Keys)})");
        }

        var (decision, doomed, cancelRequested) = await fenced.RunAsync(context.Lease, async (db, trial) =>
        {
            await UpsertReportAsync(db, report, value, ct);
            await CountEpochAsync(db, ct);
            await db.SaveChangesAsync(ct);
            await RefreshFromReportsAsync(db, trial, ct);
            if (!context.Plan.Pruner.CanPrune || !await ShouldPruneAsync(db, trial, ct))
            {
                // The epoch is recorded either way; a cancelled sweep's trial stops here rather than train another.
                return (PruneDecision.Continue, (IReadOnlyList<Checkpoint>)[], trial.CancelRequested);
            }

            var step = TrialLifecycle.Apply(trial, TrialEvent.Pruned, context.Plan.TrialLimits, clock.GetUtcNow());
            await TrialRunRecords.EndAsync(db, context.RunId, step.RunEnds!.Value, clock, ct);
            return (PruneDecision.Prune, await CheckpointRetention.ApplyAsync(db, trial, context.Plan, ct), false);
        }, ct);

        metrics.PruneDecided(decision, cancelRequested, clock.GetElapsedTime(received));
        await janitor.DeleteAsync(doomed, ct);
        return cancelRequested ? throw new TrialCancelRequestedException(context.TrialId) : decision;
    }

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        var key = context.CheckpointKey(position.Epoch, position.Batch);
        var (stored, contentBytes, storedCompression) = await CompressedCheckpoints.WriteAsync(store, key, content, compression, ct);
        IReadOnlyList<Checkpoint> doomed;
        try
        {
            doomed = await fenced.RunAsync(context.Lease, async (db, trial) =>
            {
                db.Checkpoints.Add(new Checkpoint
                {
                    TrialId = context.TrialId,
                    Epoch = position.Epoch,
                    Batch = position.Batch,
                    Key = key,
                    Uri = stored.Uri,
                    SizeBytes = stored.SizeBytes,
                    ContentBytes = contentBytes,
                    Compression = storedCompression,
                    Sha256 = stored.Sha256,
                    LeaseToken = context.Lease.Token,
                    State = CheckpointState.Live,
                    CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                return await CheckpointRetention.ApplyAsync(db, trial, context.Plan, ct);
            }, ct);
        }
        catch (LeaseLostException)
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        await janitor.DeleteAsync(doomed, ct);
    }

    private async Task<bool> ShouldPruneAsync(TunerDbContext db, Trial trial, CancellationToken ct)
    {
        var history = await TrialHistory.LoadAsync(db, context.SweepId, context.Plan.Space, ct);
        var self = history.Single(t => t.Number == trial.Number);
        return context.Plan.Pruner.ShouldPrune(new PruningContext(context.Plan.Direction, history, self));
    }

    private async Task UpsertReportAsync(TunerDbContext db, EpochReport report, double value, CancellationToken ct)
    {
        var row = await db.TrialReports.FindAsync([context.TrialId, report.Epoch], ct);
        if (row is null)
        {
            row = new TrialReport { TrialId = context.TrialId, Epoch = report.Epoch, MetricsJson = "{}" };
            db.TrialReports.Add(row);
        }

        row.Value = value;
        row.MetricsJson = JsonSerializer.Serialize(report.Metrics);
        row.Seconds = report.Duration.TotalSeconds;
        row.ReportedAt = clock.GetUtcNow();
    }

    private async Task CountEpochAsync(TunerDbContext db, CancellationToken ct)
    {
        var run = await db.TrialRuns.SingleAsync(r => r.Id == context.RunId, ct);
        run.EpochsTrained++;
    }

    private async Task RefreshFromReportsAsync(TunerDbContext db, Trial trial, CancellationToken ct)
    {
        var reports = await db.TrialReports.AsNoTracking().Where(r => r.TrialId == trial.Id).ToListAsync(ct);
        trial.Value = null;
        trial.BestEpoch = null;
        trial.LastEpoch = reports.Count == 0 ? 0 : reports.Max(r => r.Epoch);
        foreach (var report in reports.OrderBy(r => r.Epoch))
        {
            if (context.Plan.Direction.IsBetter(report.Value, trial.Value))
            {
                trial.Value = report.Value;
                trial.BestEpoch = report.Epoch;
            }
        }
    }
}
