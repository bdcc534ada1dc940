using System.Globalization;
using Tuner.Core.Definitions;
using Tuner.Core.Models;
using Tuner.Search;
using Tuner.Workloads;

namespace Tuner.Scheduling.Schedules;

/// <summary>Checks a schedule's model section against its template's workload: a model name, a margin of at least 0,
/// and guards on metrics the workload reports, each with a direction (given, or the goal the workload declares).</summary>
internal static class PromotionPolicyCheck
{
    public static PromotionPolicy? Read(ScheduleModelRequest model, SweepDefinition? template, List<(string Field, string Message)> problems)
    {
        var before = problems.Count;
        if (model.Name is not { } name || !ResourceName.IsValid(name))
            problems.Add(("model.name", ResourceName.Expected(model.Name)));
        if (model.Margin is { } margin && (!double.IsFinite(margin) || margin < 0))
            problems.Add(("model.margin", $"expected a number of at least 0 (in the objective's units), got {margin.ToString(CultureInfo.InvariantCulture)}"));

        var guards = new List<MetricGuard>();
        var declared = template?.Workload.Workload?.Metrics.Append(WorkloadMetric.TrainLoss).ToDictionary(m => m.Name, m => m.Goal);
        for (var i = 0; i < (model.Guards?.Count ?? 0); i++)
        {
            var guard = model.Guards![i];
            var at = $"model.guards[{i}]";
            if (string.IsNullOrWhiteSpace(guard.Metric)) { problems.Add(($"{at}.metric", "expected the name of a metric the workload reports")); continue; }
            if (guard.Tolerance is not { } tolerance || !double.IsFinite(tolerance) || tolerance < 0)
                problems.Add(($"{at}.tolerance", $"expected how much worse than the champion '{guard.Metric}' may be, a number of at least 0, got {guard.Tolerance?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"));
            if (declared is not null && !declared.ContainsKey(guard.Metric))
                problems.Add(($"{at}.metric", $"workload '{template!.Workload.Name}' reports no metric '{guard.Metric}'; it reports {string.Join(", ", declared.Keys)}"));
            StudyDirection? direction = guard.Direction?.ToLowerInvariant() switch
            {
                null => declared?.TryGetValue(guard.Metric, out var goal) == true ? goal == MetricGoal.Maximize ? StudyDirection.Maximize : StudyDirection.Minimize : null,
                "maximize" => StudyDirection.Maximize,
                "minimize" => StudyDirection.Minimize,
                _ => null,
            };
            if (direction is null && guard.Direction is not null)
                problems.Add(($"{at}.direction", $"expected maximize or minimize, got '{guard.Direction}'"));
            else if (direction is null && template is not null && declared is null)
                problems.Add(($"{at}.direction", $"a command workload declares no goal for '{guard.Metric}': give maximize or minimize"));
            if (direction is { } known && guard.Tolerance is { } t) guards.Add(new MetricGuard(guard.Metric, t, known));
        }

        return problems.Count > before ? null : new PromotionPolicy(model.Margin ?? 0, guards, model.ManualApproval ?? false);
    }
}
