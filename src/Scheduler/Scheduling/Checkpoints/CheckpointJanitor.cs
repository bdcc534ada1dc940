using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Deletes checkpoint objects whose rows were marked Deleting, then marks them Deleted; deletes the objects of
/// Unusable checkpoints too (corrupt bytes help no one; the row keeps its state and problem, and gets DeletedAt). Safe
/// to run again: the reconciler sweeps up whatever a crash left between the commit and the deletion.
/// </summary>
public sealed class CheckpointJanitor(
    IDbContextFactory<TunerDbContext> contexts,
    ICheckpointStore store,
    TimeProvider clock,
    ILogger<CheckpointJanitor> logger)
{
    public async Task DeleteAsync(IReadOnlyList<Checkpoint> checkpoints, CancellationToken ct)
    {
        if (!await DeleteObjectsAsync(checkpoints, ct))
        {
            return;
        }

        var ids = checkpoints.Select(c => c.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Checkpoints.Where(c => ids.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CheckpointState.Deleted)
                .SetProperty(c => c.DeletedAt, clock.GetUtcNow()), ct);
        logger.LogDebug("Deleted {Count} checkpoints", checkpoints.Count);
    }

    /// <summary>Deletes the objects of Unusable checkpoints and stamps DeletedAt; their state and problem stay.</summary>
    public async Task DeleteUnusableAsync(IReadOnlyList<Checkpoint> checkpoints, CancellationToken ct)
    {
        if (!await DeleteObjectsAsync(checkpoints, ct))
        {
            return;
        }

        var ids = checkpoints.Select(c => c.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Checkpoints.Where(c => ids.Contains(c.Id) && c.State == CheckpointState.Unusable)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DeletedAt, clock.GetUtcNow()), ct);
        logger.LogDebug("Deleted the objects of {Count} unusable checkpoints", checkpoints.Count);
    }

    /// <summary>Deletes the checkpoints' objects from the store; false when there were none.</summary>
    private async Task<bool> DeleteObjectsAsync(IReadOnlyList<Checkpoint> checkpoints, CancellationToken ct)
    {
        foreach (var checkpoint in checkpoints)
        {
            await store.DeleteAsync(checkpoint.Key, ct);
        }

        return checkpoints.Count > 0;
    }

    /// <summary>Checkpoints of each kind one call deletes: the reconciler calls every few seconds, so a backlog drains
    /// in steps without one call holding thousands of rows.</summary>
    private const int DeletionsPerCall = 500;

    /// <summary>Finishes deletions that a crash interrupted, oldest first, <see cref="DeletionsPerCall"/> of each kind per call.</summary>
    public async Task DeletePendingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Checkpoints.AsNoTracking()
            .Where(c => c.State == CheckpointState.Deleting)
            .OrderBy(c => c.Id)
            .Take(DeletionsPerCall)
            .ToListAsync(ct);
        var unusable = await db.Checkpoints.AsNoTracking()
            .Where(c => c.State == CheckpointState.Unusable && c.DeletedAt == null)
            .OrderBy(c => c.Id)
            .Take(DeletionsPerCall)
            .ToListAsync(ct);
        await DeleteAsync(pending, ct);
        await DeleteUnusableAsync(unusable, ct);
    }
}
