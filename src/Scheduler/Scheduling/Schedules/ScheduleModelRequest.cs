namespace Tuner.Scheduling.Schedules;

/// <summary>The model a schedule's runs challenge, and its promotion policy, as asked for.</summary>
/// <param name="Margin">How much better (objective units) a challenger must be; null: 0.</param>
/// <param name="ManualApproval">A passing challenger waits for an operator's approval; null: false.</param>
public sealed record ScheduleModelRequest(string? Name, double? Margin = null, IReadOnlyList<MetricGuardRequest>? Guards = null, bool? ManualApproval = null);

/// <summary>A secondary metric the challenger may not regress on beyond <paramref name="Tolerance"/>; the direction
/// defaults to the goal the workload declares for the metric (a command workload declares none).</summary>
public sealed record MetricGuardRequest(string? Metric, double? Tolerance, string? Direction = null);
