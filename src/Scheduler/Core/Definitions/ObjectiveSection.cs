using Tuner.Search;

namespace Tuner.Core.Definitions;

/// <summary>The metric a sweep optimises (one of <see cref="ObjectiveMetrics.Known"/>) and in which direction.</summary>
public sealed record ObjectiveSection(string Metric, StudyDirection Direction);
