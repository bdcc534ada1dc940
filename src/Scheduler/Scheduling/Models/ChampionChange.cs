using Tuner.Core.Events;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduling.Events;
using Tuner.Scheduling.Webhooks;

namespace Tuner.Scheduling.Models;

/// <summary>
/// The one place a model's champion changes, in the caller's transaction (with the model's row locked): the champion
/// becomes the previous champion (what a rollback restores, and what retention keeps besides the champion), the event
/// is recorded on the champion's sweep, and the "promotion" webhook is added to the outbox.
/// </summary>
public sealed class ChampionChange(WebhookOutbox outbox, TimeProvider clock)
{
    public void Crown(
        TunerDbContext db, RegisteredModel model, Trial trial, long checkpointId, PromotionDecision decision, string how,
        IReadOnlyDictionary<string, double>? scores)
    {
        model.PreviousTrialId = model.ChampionTrialId;
        model.PreviousCheckpointId = model.ChampionCheckpointId;
        model.ChampionTrialId = trial.Id;
        model.ChampionCheckpointId = checkpointId;
        model.ChampionSince = clock.GetUtcNow();
        var message = $"trial {trial.Number} is now the champion of model '{model.Name}' ({how.Replace('_', ' ')}): {decision.Reason}";
        SweepEvents.Add(db, trial.SweepId, trial.Id, SweepEventKinds.Promotion, message, clock);
        outbox.Add(db, trial.SweepId, null, SweepEventKinds.Promotion, new PromotionMessage(
            SweepEventKinds.Promotion, model.Name, how, trial.SweepId, trial.Number, decision.Id, decision.Metric, scores,
            model.PreviousTrialId, decision.Reason));
    }
}
