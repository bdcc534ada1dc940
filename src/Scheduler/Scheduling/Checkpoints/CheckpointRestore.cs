using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Tuner.Persistence;
using Tuner.Core.Model;
using Tuner.Scheduling.Trials;
using Tuner.Trainer.Checkpoints;
using Tuner.Persistence.Leases;

namespace Tuner.Scheduling.Checkpoints;

/// <summary>
/// Opens a trial's newest Live checkpoint whose bytes match the SHA-256 recorded at save time (see
/// <see cref="CheckpointVerifier"/>). A missing or corrupt one is skipped for the one before; once a usable one is
/// found (or none is left), the skipped ones are marked Unusable with their problem and a "checkpoint_fallback" sweep
/// event says what the trial resumes from, in one transaction fenced by the trial's lease; then their objects are
/// deleted.
/// </summary>
public sealed class CheckpointRestore(
    TrialContext context,
    FencedTransaction fenced,
    IDbContextFactory<TunerDbContext> contexts,
    ICheckpointStore store,
    CheckpointJanitor janitor,
    TimeProvider clock,
    ILogger logger)
{
    public async Task<Stream?> OpenLatestAsync(CancellationToken ct)
    {
        List<Checkpoint> candidates;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            candidates = await db.Checkpoints.AsNoTracking()
                .Where(c => c.TrialId == context.TrialId && c.State == CheckpointState.Live)
                .OrderByDescending(c => c.Epoch).ThenByDescending(c => c.Batch)
                .ToListAsync(ct);
        }

        var unusable = new List<UnusableCheckpoint>();
        foreach (var checkpoint in candidates)
        {
            var read = await CheckpointVerifier.ReadAsync(store, checkpoint, ct);
            if (read.Content is not null)
            {
                await RecordFallbackAsync(unusable, checkpoint, read.Content, ct);
                return read.Content;
            }

            logger.LogWarning("Checkpoint {Uri} of trial {TrialId} is unusable ({Problem}); trying the one before",
                checkpoint.Uri, context.TrialId, read.Problem);
            unusable.Add(new UnusableCheckpoint(checkpoint, read.Problem!));
        }

        await RecordFallbackAsync(unusable, null, null, ct);
        return null;
    }

    private async Task RecordFallbackAsync(
        IReadOnlyList<UnusableCheckpoint> unusable, Checkpoint? resumedFrom, Stream? content, CancellationToken ct)
    {
        if (unusable.Count == 0)
        {
            return;
        }

        IReadOnlyList<Checkpoint> marked;
        try
        {
            marked = await fenced.RunAsync(context.Lease, (db, _) => CheckpointFallback.RecordAsync(
                db, context.SweepId, context.TrialId, context.RunId, unusable, resumedFrom, clock, ct), ct);
        }
        catch
        {
            if (content is not null)
            {
                await content.DisposeAsync();
            }

            throw;
        }

        try
        {
            await janitor.DeleteUnusableAsync(marked, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The resume goes on; the reconciler deletes objects of Unusable rows without DeletedAt later.
            logger.LogWarning(e, "Could not delete the objects of {Count} unusable checkpoints of trial {TrialId}", marked.Count, context.TrialId);
        }
    }
}
