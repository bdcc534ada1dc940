using Tuner.Search;

namespace Tuner.Core.Models;

/// <summary>A secondary metric a challenger may not regress on by more than <paramref name="Tolerance"/> (in the
/// metric's units) against the champion re-scored on the same data; <paramref name="Direction"/> says which way is better.</summary>
public sealed record MetricGuard(string Metric, double Tolerance, StudyDirection Direction);
