namespace Tuner.Core.Model;

/// <summary>
/// A named model that schedules retrain (MLflow's registered model, with Vertex's "champion" alias): which trial's
/// checkpoint serves now (the champion) and which served before it. A schedule that names the model offers its run's
/// best trial as a challenger after each run (<see cref="PromotionDecision"/>); checkpoint retention never deletes the
/// champion's or the previous champion's checkpoint.
/// </summary>
public sealed class RegisteredModel
{
    public long Id { get; set; }

    /// <summary>Unique: 1-100 letters, digits, '.', '_' or '-'.</summary>
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public long? ChampionTrialId { get; set; }
    public long? ChampionCheckpointId { get; set; }
    public DateTimeOffset? ChampionSince { get; set; }

    /// <summary>The champion before the current one: what a rollback restores.</summary>
    public long? PreviousTrialId { get; set; }
    public long? PreviousCheckpointId { get; set; }
}
