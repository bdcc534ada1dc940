namespace Tuner.Core.Model;

/// <summary>
/// One decision about a <see cref="RegisteredModel"/>'s champion, kept with its figures whatever it decided: a
/// schedule's run offering its best trial as a challenger (promoted, refused, or awaiting approval), or an operator's
/// approval, forced promotion or rollback. Scores are the metrics of both checkpoints evaluated on the same data, the
/// challenger's run's validation data.
/// </summary>
public sealed class PromotionDecision
{
    public long Id { get; set; }
    public long ModelId { get; set; }

    /// <summary>The run that offered the challenger; null for an operator's decision. Unique: one decision per run.</summary>
    public long? ScheduleRunId { get; set; }

    /// <summary>The challenger's sweep (a schedule's run, or the sweep an operator promoted from).</summary>
    public long? SweepId { get; set; }
    public long? ChallengerTrialId { get; set; }
    public long? ChallengerCheckpointId { get; set; }

    /// <summary>The champion the challenger was compared with (or, for a rollback, the one rolled back from).</summary>
    public long? ChampionTrialId { get; set; }

    /// <summary>The objective both were scored on, its direction ("maximize" or "minimize") and the margin required.</summary>
    public string? Metric { get; set; }
    public string? Direction { get; set; }
    public double Margin { get; set; }

    /// <summary>Every metric of the challenger's checkpoint on the run's validation data, as a JSON object.</summary>
    public string? ChallengerScoresJson { get; set; }

    /// <summary>Every metric of the champion's checkpoint re-scored on the same data, as a JSON object.</summary>
    public string? ChampionScoresJson { get; set; }

    /// <summary>The champion's value in its own sweep, on the data it was trained and validated with then.</summary>
    public double? ChampionReportedValue { get; set; }
    public PromotionOutcome Outcome { get; set; }

    /// <summary>Why, in one or two sentences with the figures.</summary>
    public string? Reason { get; set; }

    /// <summary>"policy" for a schedule's automatic decision, "operator" for one made through the API.</summary>
    public required string DecidedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>When a server took a Pending decision to score it; another server takes it over once this is stale.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }
}

/// <summary>What a <see cref="PromotionDecision"/> decided. Stored as text.</summary>
public enum PromotionOutcome
{
    /// <summary>The run ended; its challenger is being scored.</summary>
    Pending,

    /// <summary>The challenger beat the champion on the same data and became the champion.</summary>
    Promoted,

    /// <summary>The challenger did not beat the champion (or could not be compared); the champion stays.</summary>
    Refused,

    /// <summary>The challenger passed, and the schedule wants an operator's approval (POST /api/models/{name}/approve).</summary>
    AwaitingApproval,

    /// <summary>An operator approved a decision that awaited approval; the challenger became the champion.</summary>
    Approved,

    /// <summary>A newer run's decision took the place of one that awaited approval.</summary>
    Superseded,

    /// <summary>An operator made a trial the champion without a comparison.</summary>
    ForcePromoted,

    /// <summary>An operator restored the previous champion.</summary>
    RolledBack,
}
