namespace Tuner.Search.Samplers.Gp;

/// <summary>The GP's hyperparameters: per-dimension inverse squared length scales (ARD), the kernel scale and the noise variance.</summary>
internal sealed record KernelParams(double[] InverseSquaredLengthScales, double KernelScale, double NoiseVariance)
{
    /// <summary>Optuna's starting point: every parameter 1.</summary>
    public static KernelParams Default(int dimensions) => new(Enumerable.Repeat(1.0, dimensions).ToArray(), 1, 1);
}
