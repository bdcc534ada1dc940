using System.ComponentModel;
using System.Text.Json;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>A model: its champion and previous champion (null when none), and its latest decisions, newest first.</summary>
public sealed record ModelView(long Id, string Name, DateTimeOffset CreatedAt, ChampionView? Champion, ChampionView? Previous, IReadOnlyList<DecisionView> Decisions);

/// <summary>A model in the list: its champion, and how many decisions await approval.</summary>
public sealed record ModelSummary(long Id, string Name, DateTimeOffset CreatedAt, TrialReference? Champion, DateTimeOffset? ChampionSince, int AwaitingApproval);

/// <summary>A trial by its sweep and number.</summary>
public sealed record TrialReference(long SweepId, string SweepName, int TrialNumber);

/// <summary>
/// The checkpoint a model serves (or served just before), with what it needs to be used: the trial's parameters, its
/// value in its own sweep, the scores it was promoted on, and where to download the checkpoint as the workload wrote it.
/// </summary>
/// <param name="Value">The trial's objective value in its own sweep, on that run's data.</param>
/// <param name="Scores">Its metrics as scored by the decision that made it champion (on that run's validation data);
/// null when an operator promoted it without scoring.</param>
public sealed record ChampionView(
    string Model, long SweepId, string SweepName, int TrialNumber, long TrialId, string Workload, string Metric,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string Direction, double? Value, JsonElement Params,
    IReadOnlyDictionary<string, double>? Scores, DateTimeOffset? Since, long? DecisionId, CheckpointView Checkpoint, string DownloadUrl);

/// <summary>A stored checkpoint: its epoch, its sizes (stored and as written), how it is stored and its digest.</summary>
public sealed record CheckpointView(long Id, int Epoch, long SizeBytes, long ContentBytes, string? Compression, string? StorageClass, string? Sha256);

/// <summary>One decision about a model's champion, with both checkpoints' scores on the same data.</summary>
/// <param name="Challenger">The trial offered (or promoted, or rolled back to).</param>
/// <param name="Champion">The champion it was compared with (for a rollback, the one rolled back from); null when there was none.</param>
/// <param name="ChampionReportedValue">The champion's value in its own sweep, on its own data: what a naive comparison would have used.</param>
public sealed record DecisionView(
    long Id, [property: OpenApiEnum(typeof(PromotionOutcome))] string Outcome, string DecidedBy, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt,
    long? ScheduleRunId, TrialReference? Challenger, TrialReference? Champion, string? Metric,
    [property: OpenApiEnum(typeof(ObjectiveDirections))] string? Direction, double Margin,
    IReadOnlyDictionary<string, double>? ChallengerScores, IReadOnlyDictionary<string, double>? ChampionScores, double? ChampionReportedValue, string? Reason);

/// <summary>The body of POST /api/models/{name}/approve and /rollback.</summary>
public sealed record ModelAction([property: Description("Why, kept with the decision")] string? Note = null);

/// <summary>The body of POST /api/models/{name}/promote.</summary>
public sealed record ModelPromotion(
    [property: Description("The sweep of the trial to make champion")] long? SweepId,
    [property: Description("The trial's number in its sweep; it must be Complete and keep a checkpoint")] int? TrialNumber,
    [property: Description("Why, kept with the decision")] string? Note = null);
