using Tuner.Search;
using Tuner.Workloads;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>objective: { metric, direction }</c>: the metric is one the workload reports (its
/// <see cref="IWorkload.Metrics"/> or <see cref="WorkloadMetric.TrainLoss"/>), and the direction defaults to the
/// metric's own goal.</summary>
internal static class ObjectiveReader
{
    private static readonly string[] Keys = ["metric", "direction"];
    private static readonly string[] Directions = ["maximize", "minimize"];

    /// <param name="workload">The sweep's workload; null when it could not be resolved (a problem is already reported),
    /// or for a command, whose metrics are whatever the program prints: then the metric is not checked.</param>
    /// <param name="isCommand">A command's objective must say its direction: nothing declares the metric's goal.</param>
    public static ObjectiveSection? Read(MappingReader document, IWorkload? workload, bool isCommand)
    {
        var section = document.Section("objective", Keys, required: true);
        if (section is null) return null;
        if (isCommand && section.Find("direction") is null)
        {
            section.Problems.Add(section.PathOf("direction"),
                "a command workload's objective needs a direction (maximize or minimize): its program declares no metrics", section.Node);
        }

        var metrics = workload is null ? null : Reported(workload);
        var metric = metrics is null
            ? section.String("metric", required: true)
            : section.OneOf("metric", metrics.Select(m => m.Name).ToList(), "metric", required: true);
        var directionText = section.OneOf("direction", Directions, "direction", required: false);
        if (metric is null || (directionText is null && section.Find("direction") is not null)) return null;

        var goal = metrics?.First(m => m.Name == metric).Goal ?? MetricGoal.Minimize;
        var direction = directionText switch
        {
            "maximize" => StudyDirection.Maximize,
            "minimize" => StudyDirection.Minimize,
            _ => goal == MetricGoal.Maximize ? StudyDirection.Maximize : StudyDirection.Minimize,
        };
        return new ObjectiveSection(metric, direction);
    }

    private static IReadOnlyList<WorkloadMetric> Reported(IWorkload workload) =>
        workload.Metrics.Any(m => m.Name == WorkloadMetric.TrainLoss.Name) ? workload.Metrics : [.. workload.Metrics, WorkloadMetric.TrainLoss];
}
