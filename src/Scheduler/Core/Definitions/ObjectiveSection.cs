using Tuner.Search;

namespace Tuner.Core.Definitions;

/// <summary>The metric a sweep optimises (one its workload reports) and in which direction.</summary>
public sealed record ObjectiveSection(string Metric, StudyDirection Direction);
