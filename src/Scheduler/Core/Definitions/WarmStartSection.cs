namespace Tuner.Core.Definitions;

/// <summary>Where a sweep starts from: the best <paramref name="Best"/> complete trials of sweep
/// <paramref name="FromSweep"/> are queued as its first configurations, carried into its search space
/// (Tuner.Search's AssignmentProjection). With <paramref name="PriorWeight"/>, every complete trial of that sweep also
/// joins the sampler's history as a prior of that weight (Tuner.Search's FrozenTrial.Weight).</summary>
public sealed record WarmStartSection(long FromSweep, int Best = WarmStartSection.DefaultBest, double? PriorWeight = null)
{
    public const int DefaultBest = 5;
    public const int MostBest = 100;
}
