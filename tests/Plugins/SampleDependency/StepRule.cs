namespace SampleDependency;

/// <summary>The learning-rate schedule SamplePlugins' workload takes from this separate assembly.</summary>
public static class StepRule
{
    public static double Scale(int epoch) => 1.0 / (1 + 0.1 * epoch);
}
