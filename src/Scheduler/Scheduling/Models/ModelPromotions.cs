using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduling.Models;

/// <summary>What an operator does to a model's champion: approve the decision that awaits approval, promote any
/// complete trial that keeps a checkpoint (forced, no comparison), or roll back to the previous champion. Each is kept
/// as a <see cref="PromotionDecision"/> decided by "operator", with the reason given.</summary>
public sealed class ModelPromotions(IDbContextFactory<TunerDbContext> contexts, ChampionChange change, TimeProvider clock)
{
    /// <summary>The outcome of an operator's request: the decision made, or a problem and whether it is "not found".</summary>
    public sealed record Result(PromotionDecision? Decision, string? Problem, bool NotFound = false);

    /// <summary>Promotes the challenger of the model's newest decision that awaits approval.</summary>
    public async Task<Result> ApproveAsync(string name, string? note, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var model = await LockAsync(db, name, ct);
        if (model is null) return new(null, $"there is no model named '{name}'", NotFound: true);
        var waiting = await db.PromotionDecisions.Where(d => d.ModelId == model.Id && d.Outcome == PromotionOutcome.AwaitingApproval)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        if (waiting is null) return new(null, $"no decision of model '{name}' awaits approval");
        if (waiting.ChampionTrialId != model.ChampionTrialId)
        {
            waiting.Outcome = PromotionOutcome.Superseded;
            waiting.Reason += "; the champion changed before it was approved";
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new(null, $"decision {waiting.Id} compared its challenger with a champion that has since been replaced; it is superseded");
        }

        var trial = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == waiting.ChallengerTrialId, ct);
        waiting.Outcome = PromotionOutcome.Approved;
        waiting.DecidedBy = "operator";
        waiting.DecidedAt = clock.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(note)) waiting.Reason += $"; approved: {note.Trim()}";
        change.Crown(db, model, trial, waiting.ChallengerCheckpointId!.Value, waiting, "approved", DecisionScores.Read(waiting.ChallengerScoresJson));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(waiting, null);
    }

    /// <summary>Makes trial <paramref name="number"/> of sweep <paramref name="sweepId"/> the champion, creating the
    /// model when there is none of that name. The trial must be Complete and keep a checkpoint.</summary>
    public async Task<Result> PromoteAsync(string name, long sweepId, int number, string? note, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.SweepId == sweepId && t.Number == number, ct);
        if (trial is null) return new(null, $"sweep {sweepId} has no trial {number}", NotFound: true);
        if (trial.Status != TrialStatus.Complete) return new(null, $"trial {number} of sweep {sweepId} is {trial.Status}: only a complete trial can be champion");
        var checkpoint = await ChampionCheckpoints.KeptAsync(db, trial.Id, ct);
        if (checkpoint is null) return new(null, $"trial {number} of sweep {sweepId} keeps no checkpoint, so it cannot serve as champion");

        await RegisteredModels.EnsureAsync(db, name, clock.GetUtcNow(), ct);
        var model = (await LockAsync(db, name, ct))!;
        if (model.ChampionTrialId == trial.Id) return new(null, $"trial {number} of sweep {sweepId} is already the champion of model '{name}'");
        var decision = Record(db, model, trial.SweepId, PromotionOutcome.ForcePromoted,
            $"promoted by an operator without a comparison{(string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}")}");
        decision.ChallengerTrialId = trial.Id;
        decision.ChallengerCheckpointId = checkpoint.Id;
        await db.SaveChangesAsync(ct);
        change.Crown(db, model, trial, checkpoint.Id, decision, "force_promoted", null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(decision, null);
    }

    /// <summary>Makes the previous champion the champion again; the one rolled back from becomes the previous, so a
    /// second rollback undoes the first.</summary>
    public async Task<Result> RollbackAsync(string name, string? note, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var model = await LockAsync(db, name, ct);
        if (model is null) return new(null, $"there is no model named '{name}'", NotFound: true);
        if (model.PreviousTrialId is not { } previousId) return new(null, $"model '{name}' has no previous champion to roll back to");

        var previous = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == previousId, ct);
        var current = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == model.ChampionTrialId, ct);
        var decision = Record(db, model, previous.SweepId, PromotionOutcome.RolledBack,
            $"rolled back by an operator from trial {current.Number} of sweep {current.SweepId}{(string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}")}");
        decision.ChallengerTrialId = previous.Id;
        decision.ChallengerCheckpointId = model.PreviousCheckpointId;
        decision.ChampionTrialId = model.ChampionTrialId;
        await db.SaveChangesAsync(ct);
        change.Crown(db, model, previous, model.PreviousCheckpointId!.Value, decision, "rolled_back", null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(decision, null);
    }

    private PromotionDecision Record(TunerDbContext db, RegisteredModel model, long sweepId, PromotionOutcome outcome, string reason)
    {
        var now = clock.GetUtcNow();
        var decision = new PromotionDecision
        {
            ModelId = model.Id, SweepId = sweepId, ChampionTrialId = model.ChampionTrialId, Outcome = outcome, Reason = reason,
            DecidedBy = "operator", CreatedAt = now, DecidedAt = now,
        };
        db.PromotionDecisions.Add(decision);
        return decision;
    }

    private static Task<RegisteredModel?> LockAsync(TunerDbContext db, string name, CancellationToken ct) =>
        db.Models.FromSql($"SELECT * FROM tuner.models WHERE name = {name} FOR UPDATE").SingleOrDefaultAsync(ct);
}
