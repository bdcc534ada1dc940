using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Settings;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Moves the checkpoints a finished sweep keeps (its best complete trials', after retention) to
/// TUNER_CHECKPOINT_KEPT_STORAGE_CLASS, a few per reconciler pass, and records the class and since when on each row,
/// where the cost ledger's storage line prices it. Only once the sweep has finished: while it runs, a kept checkpoint
/// is deleted as soon as a better trial displaces it, and an infrequent-access class would bill it for 30 or 90 days
/// anyway. Objects over <see cref="S3CheckpointStore.MaxCopyBytes"/> stay in STANDARD (a multipart copy is not
/// written). A crash between the copy and the row's update copies again on the next pass, which changes nothing.
/// </summary>
public sealed class KeptCheckpointStorage(
    TunerSettings settings,
    ICheckpointStore store,
    IDbContextFactory<TunerDbContext> contexts,
    TimeProvider clock,
    ILogger<KeptCheckpointStorage> logger)
{
    private const int PerPass = 20;

    public async Task MoveAsync(CancellationToken ct)
    {
        if (settings.KeptStorageClass is not { } storageClass || store is not S3CheckpointStore s3) return;

        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Checkpoints.AsNoTracking()
            .Where(c => c.State == CheckpointState.Live && c.StorageClass == null && c.SizeBytes <= S3CheckpointStore.MaxCopyBytes
                        && db.Trials.Any(t => t.Id == c.TrialId && t.Status == TrialStatus.Complete
                                              && db.Sweeps.Any(s => s.Id == t.SweepId && (s.State == SweepState.Completed || s.State == SweepState.Cancelled))))
            .OrderBy(c => c.Id)
            .Take(PerPass)
            .ToListAsync(ct);
        foreach (var checkpoint in due)
        {
            var live = db.Checkpoints.Where(c => c.Id == checkpoint.Id && c.State == CheckpointState.Live && c.StorageClass == null);
            if (await s3.ChangeStorageClassAsync(checkpoint.Key, storageClass, ct))
            {
                await live.ExecuteUpdateAsync(s => s.SetProperty(c => c.StorageClass, storageClass)
                    .SetProperty(c => c.StorageClassSince, clock.GetUtcNow()), ct);
                logger.LogDebug("Moved checkpoint {Uri} to {StorageClass}", checkpoint.Uri, storageClass);
                continue;
            }

            var problem = $"missing from {checkpoint.Uri} when it was to move to {storageClass}";
            await live.ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CheckpointState.Unusable)
                .SetProperty(c => c.Problem, problem).SetProperty(c => c.DeletedAt, clock.GetUtcNow()), ct);
            logger.LogWarning("Checkpoint {Uri} is {Problem}", checkpoint.Uri, problem);
        }
    }
}
