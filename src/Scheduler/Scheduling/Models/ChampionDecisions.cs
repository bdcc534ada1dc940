using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Core.Models;
using Tuner.Persistence;
using Tuner.Scheduling.Events;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduling.Models;

/// <summary>
/// Decides, for every ended run of a schedule that names a model, whether the run's best trial (the challenger)
/// replaces the model's champion. Both checkpoints are scored on the run's validation data (the champion's
/// hyperparameters with the run's data options: <see cref="CheckpointScoring"/>), and <see cref="PromotionGate"/>
/// judges them under the schedule's <see cref="PromotionPolicy"/>. Every decision is kept with its figures.
/// A decision is first recorded Pending by the one server whose insert wins (one per run), and scored outside any
/// transaction; a server that dies while scoring leaves it to be taken over after <see cref="ClaimFor"/>.
/// </summary>
public sealed class ChampionDecisions(
    IDbContextFactory<TunerDbContext> contexts,
    SweepPlans plans,
    CheckpointScoring scoring,
    ChampionChange change,
    TimeProvider clock,
    ILogger<ChampionDecisions> logger)
{
    /// <summary>How long a server may take to score a Pending decision before another takes it over.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(30);

    /// <summary>Records a Pending decision for each ended run without one and decides it, and takes over stale ones.</summary>
    public async Task DecideEndedRunsAsync(CancellationToken ct)
    {
        foreach (var decisionId in await ClaimAsync(ct))
        {
            await DecideAsync(decisionId, ct);
        }
    }

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var stale = now - ClaimFor;
        var opened = await db.Database.SqlQuery<long>($"""
            INSERT INTO tuner.promotion_decisions (model_id, schedule_run_id, sweep_id, outcome, decided_by, margin, created_at, claimed_at)
            SELECT m.id, r.id, r.sweep_id, 'Pending', 'policy', s.promotion_margin, {now}, {now}
            FROM tuner.schedule_runs r
            JOIN tuner.schedules s ON s.id = r.schedule_id
            JOIN tuner.models m ON m.name = s.model_name
            JOIN tuner.sweeps w ON w.id = r.sweep_id
            WHERE r.outcome = 'Started' AND w.state = 'Completed'
              AND NOT EXISTS (SELECT 1 FROM tuner.promotion_decisions d WHERE d.schedule_run_id = r.id)
            ON CONFLICT (schedule_run_id) WHERE schedule_run_id IS NOT NULL DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        var resumed = await db.Database.SqlQuery<long>($"""
            UPDATE tuner.promotion_decisions SET claimed_at = {now}
            WHERE outcome = 'Pending' AND (claimed_at IS NULL OR claimed_at < {stale})
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return [.. opened.Concat(resumed).Order()];
    }

    /// <summary>Scores the challenger and the champion of a Pending decision and records the outcome.</summary>
    public async Task DecideAsync(long decisionId, CancellationToken ct)
    {
        var judged = await JudgeAsync(decisionId, ct);
        if (judged is null) return;

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decision = await db.PromotionDecisions.SingleAsync(d => d.Id == decisionId, ct);
        var model = await db.Models.FromSql($"SELECT * FROM tuner.models WHERE id = {decision.ModelId} FOR UPDATE").SingleAsync(ct);
        if (decision.Outcome != PromotionOutcome.Pending) return;
        if (model.ChampionTrialId != judged.ChampionTrialId)
        {
            // An operator changed the champion while this was scored: score again against the new one on the next pass.
            decision.ClaimedAt = null;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }

        decision.ChallengerTrialId = judged.Challenger?.Id;
        decision.ChallengerCheckpointId = judged.ChallengerCheckpointId;
        decision.ChampionTrialId = judged.ChampionTrialId;
        decision.Metric = judged.Metric;
        decision.Direction = judged.Direction;
        decision.Margin = judged.Policy.Margin;
        decision.ChallengerScoresJson = DecisionScores.Write(judged.ChallengerScores);
        decision.ChampionScoresJson = DecisionScores.Write(judged.ChampionScores);
        decision.ChampionReportedValue = judged.ChampionReportedValue;
        decision.Reason = judged.Verdict.Reason;
        decision.DecidedAt = clock.GetUtcNow();
        decision.Outcome = !judged.Verdict.Passes ? PromotionOutcome.Refused
            : judged.Policy.ManualApproval ? PromotionOutcome.AwaitingApproval
            : PromotionOutcome.Promoted;

        if (decision.Outcome == PromotionOutcome.AwaitingApproval)
        {
            await db.PromotionDecisions
                .Where(d => d.ModelId == model.Id && d.Outcome == PromotionOutcome.AwaitingApproval && d.Id != decision.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Outcome, PromotionOutcome.Superseded)
                    .SetProperty(d => d.Reason, d => d.Reason + $"; superseded by decision {decision.Id}"), ct);
        }

        if (decision.Outcome == PromotionOutcome.Promoted)
        {
            change.Crown(db, model, judged.Challenger!, judged.ChallengerCheckpointId!.Value, decision, "promoted", judged.ChallengerScores);
        }
        else if (decision.SweepId is { } sweepId)
        {
            var what = decision.Outcome == PromotionOutcome.Refused ? "refused" : "awaits approval (POST /api/models/{name}/approve)";
            SweepEvents.Add(db, sweepId, decision.ChallengerTrialId, SweepEventKinds.Promotion,
                $"the challenger for model '{model.Name}' {what.Replace("{name}", model.Name)}: {decision.Reason}", clock);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Model {Model} decision {Decision}: {Outcome}: {Reason}", model.Name, decision.Id, decision.Outcome, decision.Reason);
    }

    private async Task<Judgement?> JudgeAsync(long decisionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var decision = await db.PromotionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId && d.Outcome == PromotionOutcome.Pending, ct);
        if (decision is null) return null;
        var model = await db.Models.AsNoTracking().SingleAsync(m => m.Id == decision.ModelId, ct);
        var schedule = await db.ScheduleRuns.AsNoTracking().Where(r => r.Id == decision.ScheduleRunId)
            .Join(db.Schedules.AsNoTracking(), r => r.ScheduleId, s => s.Id, (r, s) => s).SingleOrDefaultAsync(ct);
        var policy = schedule is null ? PromotionPolicy.Default : PromotionPolicies.Of(schedule);
        var refuse = (string reason, Judgement? partial) => (partial ?? new Judgement(policy, model.ChampionTrialId)) with { Verdict = new(false, reason) };

        var sweep = decision.SweepId is { } id ? await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        var plan = sweep is null ? null : await plans.LoadAsync(db, sweep.Id, ct);
        if (sweep is null || plan is null || schedule is null) return refuse("the run's sweep or its schedule is gone", null);
        var judgement = new Judgement(policy, model.ChampionTrialId) { Metric = plan.Metric, Direction = plan.Direction.ToString().ToLowerInvariant() };

        var challenger = sweep.BestTrialId is { } best ? await db.Trials.AsNoTracking().SingleAsync(t => t.Id == best, ct) : null;
        if (challenger is null) return refuse($"sweep {sweep.Id} ended with no complete trial, so there is no challenger", judgement);
        judgement = judgement with { Challenger = challenger };
        var challengerCheckpoint = await ChampionCheckpoints.KeptAsync(db, challenger.Id, ct);
        if (challengerCheckpoint is null) return refuse($"the challenger, trial {challenger.Number}, keeps no checkpoint", judgement);
        judgement = judgement with { ChallengerCheckpointId = challengerCheckpoint.Id };

        var (challengerScores, challengerProblem) = await scoring.ScoreAsync(plan, plan, challenger, challengerCheckpoint, ct);
        if (challengerScores is null) return refuse($"the challenger, trial {challenger.Number}, could not be scored: {challengerProblem}", judgement);
        judgement = judgement with { ChallengerScores = challengerScores };

        IReadOnlyDictionary<string, double>? championScores = null;
        if (model.ChampionTrialId is { } championId)
        {
            var champion = await db.Trials.AsNoTracking().SingleAsync(t => t.Id == championId, ct);
            var championCheckpoint = await db.Checkpoints.AsNoTracking().SingleAsync(c => c.Id == model.ChampionCheckpointId, ct);
            var championPlan = await plans.LoadAsync(db, champion.SweepId, ct);
            judgement = judgement with { ChampionReportedValue = champion.Value };
            (championScores, var championProblem) = championPlan is null
                ? (null, $"its sweep {champion.SweepId} is gone")
                : await scoring.ScoreAsync(plan, championPlan, champion, championCheckpoint, ct);
            if (championScores is null)
            {
                return refuse(
                    $"the champion (trial {champion.Number} of sweep {champion.SweepId}) could not be re-scored on this run's data, so the two cannot be compared: {championProblem}. The champion stays; `tuner model promote {model.Name} {sweep.Id} {challenger.Number}` promotes the challenger by hand",
                    judgement);
            }

            judgement = judgement with { ChampionScores = championScores };
        }

        return judgement with { Verdict = PromotionGate.Judge(plan.Metric, plan.Direction, policy, challengerScores, championScores) };
    }

    private sealed record Judgement(PromotionPolicy Policy, long? ChampionTrialId)
    {
        public PromotionVerdict Verdict { get; init; } = new(false, "");
        public string? Metric { get; init; }
        public string? Direction { get; init; }
        public Trial? Challenger { get; init; }
        public long? ChallengerCheckpointId { get; init; }
        public IReadOnlyDictionary<string, double>? ChallengerScores { get; init; }
        public IReadOnlyDictionary<string, double>? ChampionScores { get; init; }
        public double? ChampionReportedValue { get; init; }
    }
}
