using Tuner.Search;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>objective: { metric, direction }</c>; direction defaults to the metric's natural one.</summary>
internal static class ObjectiveReader
{
    private static readonly string[] Keys = ["metric", "direction"];
    private static readonly string[] Directions = ["maximize", "minimize"];

    public static ObjectiveSection? Read(MappingReader document)
    {
        var section = document.Section("objective", Keys, required: true);
        if (section is null) return null;

        var metric = section.OneOf("metric", ObjectiveMetrics.Known, "metric", required: true);
        var directionText = section.OneOf("direction", Directions, "direction", required: false);
        if (metric is null || (directionText is null && section.Find("direction") is not null)) return null;

        var direction = directionText switch
        {
            "maximize" => StudyDirection.Maximize,
            "minimize" => StudyDirection.Minimize,
            _ => ObjectiveMetrics.DefaultDirection(metric),
        };
        return new ObjectiveSection(metric, direction);
    }
}
