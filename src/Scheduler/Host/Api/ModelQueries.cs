using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Models;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduler.Api;

/// <summary>Read models of models for the API and the CLI: the champion with its parameters and checkpoint, and every
/// decision with both checkpoints' scores.</summary>
public sealed class ModelQueries(IDbContextFactory<TunerDbContext> contexts, SweepPlans plans)
{
    /// <summary>Decisions one GET /api/models/{name} shows, newest first.</summary>
    public const int DecisionsShown = 50;

    public async Task<List<ModelSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var models = await db.Models.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        var waiting = await db.PromotionDecisions.AsNoTracking().Where(d => d.Outcome == PromotionOutcome.AwaitingApproval)
            .GroupBy(d => d.ModelId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var trials = await ReferencesAsync(db, models.Select(m => m.ChampionTrialId), ct);
        return [.. models.Select(m => new ModelSummary(m.Id, m.Name, m.CreatedAt, Reference(trials, m.ChampionTrialId), m.ChampionSince, waiting.GetValueOrDefault(m.Id)))];
    }

    public async Task<ModelView?> GetAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, ct);
        if (model is null) return null;
        var decisions = await db.PromotionDecisions.AsNoTracking().Where(d => d.ModelId == model.Id)
            .OrderByDescending(d => d.Id).Take(DecisionsShown).ToListAsync(ct);
        var trials = await ReferencesAsync(db, decisions.SelectMany(d => new[] { d.ChallengerTrialId, d.ChampionTrialId }), ct);
        return new ModelView(model.Id, model.Name, model.CreatedAt,
            await ChampionAsync(db, model, model.ChampionTrialId, model.ChampionCheckpointId, ct),
            await ChampionAsync(db, model, model.PreviousTrialId, model.PreviousCheckpointId, ct),
            [.. decisions.Select(d => View(d, trials))]);
    }

    /// <summary>The model's champion; null when there is no such model or it has no champion yet (Exists says which).</summary>
    public async Task<(ChampionView? Champion, bool Exists)> ChampionAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, ct);
        if (model is null) return (null, false);
        return (await ChampionAsync(db, model, model.ChampionTrialId, model.ChampionCheckpointId, ct), true);
    }

    /// <summary>The model's champion's checkpoint row and file name; null when there is none.</summary>
    public async Task<(Checkpoint Checkpoint, string FileName)?> ChampionCheckpointAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, ct);
        if (model?.ChampionCheckpointId is not { } id) return null;
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        var trial = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == checkpoint.TrialId, ct);
        return (checkpoint, $"{name}-champion-sweep-{trial.SweepId}-trial-{trial.Number}-epoch-{checkpoint.Epoch}.ckpt");
    }

    public static DecisionView View(PromotionDecision d, IReadOnlyDictionary<long, TrialReference> trials) => new(
        d.Id, d.Outcome.ToString(), d.DecidedBy, d.CreatedAt, d.DecidedAt, d.ScheduleRunId,
        Reference(trials, d.ChallengerTrialId), Reference(trials, d.ChampionTrialId), d.Metric, d.Direction, d.Margin,
        Scores(d.ChallengerScoresJson), Scores(d.ChampionScoresJson), d.ChampionReportedValue, d.Reason);

    public static async Task<Dictionary<long, TrialReference>> ReferencesAsync(TunerDbContext db, IEnumerable<long?> trialIds, CancellationToken ct)
    {
        var ids = trialIds.OfType<long>().Distinct().ToList();
        return await db.Trials.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.SweepId, SweepName = t.Sweep!.Name, t.Number })
            .ToDictionaryAsync(t => t.Id, t => new TrialReference(t.SweepId, t.SweepName, t.Number), ct);
    }

    private async Task<ChampionView?> ChampionAsync(TunerDbContext db, RegisteredModel model, long? trialId, long? checkpointId, CancellationToken ct)
    {
        if (trialId is null || checkpointId is null) return null;
        var trial = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == trialId, ct);
        var sweep = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == trial.SweepId, ct);
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleAsync(c => c.Id == checkpointId, ct);
        var plan = await plans.ForAsync(sweep, ct);
        var crowned = await db.PromotionDecisions.AsNoTracking()
            .Where(d => d.ModelId == model.Id && d.ChallengerTrialId == trialId
                && (d.Outcome == PromotionOutcome.Promoted || d.Outcome == PromotionOutcome.Approved || d.Outcome == PromotionOutcome.ForcePromoted || d.Outcome == PromotionOutcome.RolledBack))
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        var scored = await db.PromotionDecisions.AsNoTracking()
            .Where(d => d.ModelId == model.Id && d.ChallengerTrialId == trialId && d.ChallengerScoresJson != null)
            .OrderByDescending(d => d.Id).Select(d => d.ChallengerScoresJson).FirstOrDefaultAsync(ct);
        using var parameters = JsonDocument.Parse(trial.ParamsJson);
        return new ChampionView(
            model.Name, sweep.Id, sweep.Name, trial.Number, trial.Id, plan.Definition.Workload.Name, plan.Metric,
            plan.Direction.ToString().ToLowerInvariant(), trial.Value, parameters.RootElement.Clone(), Scores(scored),
            trialId == model.ChampionTrialId ? model.ChampionSince : null, crowned?.Id,
            new CheckpointView(checkpoint.Id, checkpoint.Epoch, checkpoint.SizeBytes, checkpoint.ContentBytes, checkpoint.Compression, checkpoint.StorageClass, checkpoint.Sha256),
            trialId == model.ChampionTrialId
                ? $"/api/models/{Uri.EscapeDataString(model.Name)}/champion/checkpoint"
                : $"/api/sweeps/{sweep.Id}/trials/{trial.Number}/checkpoint?epoch={checkpoint.Epoch}");
    }

    private static TrialReference? Reference(IReadOnlyDictionary<long, TrialReference> trials, long? id) =>
        id is { } key && trials.TryGetValue(key, out var reference) ? reference : null;

    private static IReadOnlyDictionary<string, double>? Scores(string? json) => DecisionScores.Read(json);
}
