namespace Tuner.Core.Definitions;

/// <summary>Where a sweep starts from: the best <paramref name="Best"/> complete trials of sweep
/// <paramref name="FromSweep"/> are queued as its first configurations, carried into its search space
/// (Tuner.Search's AssignmentProjection).</summary>
public sealed record WarmStartSection(long FromSweep, int Best = WarmStartSection.DefaultBest)
{
    public const int DefaultBest = 5;
    public const int MostBest = 100;
}
