using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Checkpoints;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Scheduler.Api;

/// <summary>
/// Downloads a trial's checkpoint as the workload wrote it: verified against its SHA-256 and decompressed, whatever
/// TUNER_CHECKPOINT_COMPRESSION stored it as. Built-in and plugin workloads' checkpoints are Tuner's TUNERCKP format,
/// a command workload's a tar archive of its checkpoint directory.
/// </summary>
public static class CheckpointsApi
{
    public static IEndpointRouteBuilder MapCheckpointsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("api/sweeps").WithTags("Checkpoints")
            .MapGet("{id:long}/trials/{number:int}/checkpoint", DownloadAsync).WithName("DownloadCheckpoint")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem()
            .WithSummary("A trial's checkpoint as the workload wrote it (verified and decompressed): its newest, or the one at the end of ?epoch=");
        return app;
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, int number, IDbContextFactory<TunerDbContext> contexts, ICheckpointStore store, CancellationToken ct,
        [Description("The epoch whose end-of-epoch checkpoint to download; the trial's newest checkpoint when left out")] int? epoch = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Sweeps.AnyAsync(s => s.Id == id, ct)) return ApiProblems.SweepNotFound(id);
        var trial = await db.Trials.AsNoTracking().Where(t => t.SweepId == id && t.Number == number)
            .Select(t => new { t.Id, t.Status }).SingleOrDefaultAsync(ct);
        if (trial is null) return NotFound($"sweep {id} has no trial {number}");

        var live = await db.Checkpoints.AsNoTracking()
            .Where(c => c.TrialId == trial.Id && c.State == CheckpointState.Live)
            .OrderByDescending(c => c.Epoch).ThenByDescending(c => c.Batch)
            .ToListAsync(ct);
        var checkpoint = epoch is { } wanted ? live.FirstOrDefault(c => c.Epoch == wanted && c.Batch == 0) : live.FirstOrDefault();
        if (checkpoint is null)
        {
            return NotFound(live.Count == 0
                ? $"trial {number} of sweep {id} ({trial.Status}) keeps no checkpoint: pruned, failed and cancelled trials keep none, and complete ones only among the sweep's checkpoints.keep_best best"
                : $"trial {number} of sweep {id} keeps no checkpoint at the end of epoch {epoch}; it keeps epochs {string.Join(", ", live.Where(c => c.Batch == 0).Select(c => c.Epoch).Order())}");
        }

        var batch = checkpoint.Batch == 0 ? "" : $"-batch-{checkpoint.Batch}";
        return await StreamAsync(store, checkpoint, $"trial {number} of sweep {id}", $"sweep-{id}-trial-{number}-epoch-{checkpoint.Epoch}{batch}.ckpt", ct);
    }

    /// <summary>The checkpoint's bytes as the workload wrote them, verified and decompressed; 409 when they are unusable.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StreamAsync(
        ICheckpointStore store, Checkpoint checkpoint, string whose, string fileName, CancellationToken ct)
    {
        var read = await CheckpointVerifier.ReadAsync(store, checkpoint, ct);
        if (read.Content is null)
        {
            return TypedResults.Problem(title: "Checkpoint unusable",
                detail: $"the checkpoint of {whose} at epoch {checkpoint.Epoch} is unusable: {read.Problem}",
                statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Stream(read.Content, "application/octet-stream", fileName);
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Checkpoint not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
