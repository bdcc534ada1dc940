namespace Tuner.Scheduling.Models;

/// <summary>The webhook body announcing a new champion (event "promotion"), sent through the outbox with the change.</summary>
/// <param name="How">"promoted" (a schedule's run won), "approved", "force_promoted" or "rolled_back".</param>
public sealed record PromotionMessage(
    string Event, string Model, string How, long? SweepId, int? TrialNumber, long DecisionId, string? Metric,
    IReadOnlyDictionary<string, double>? Scores, long? PreviousTrialId, string? Reason);
