using System.Globalization;
using Tuner.Search.Spaces;

namespace Tuner.Benchmarks.Pruning;

/// <summary>
/// The noisy parametric learning curves of the prune command. A configuration (lr log-uniform in [1e−3, 1],
/// capacity in [0, 1]) trains for up to <see cref="MaxSteps"/> steps; its validation loss after step t (t = 1 …
/// <see cref="MaxSteps"/>) is
/// <code>
/// val_loss(t) = a + b·t^(−c) + ε,   s = (log10 lr + 3) / 3 ∈ [0, 1]
/// a = 0.05 + 0.5 s² + 0.2 (1 − capacity)²   (plateau: high lr and small capacity plateau high)
/// b = 2
/// c = (0.15 + 1.5 s)(1 − 0.5 capacity)      (speed: high lr and small capacity learn fast)
/// ε ~ N(0, 0.01²), drawn from (seed, trial number, step) alone
/// </code>
/// Fast learners lead early and plateau high, so curves cross: the best final loss (about 0.426 at s ≈ 0.57,
/// capacity ≈ 0.4) is not the best early one. <see cref="MaxSteps"/> = 27 = 3³ suits Hyperband with reduction factor 3.
/// </summary>
public static class LearningCurve
{
    public const int MaxSteps = 27;
    public const double NoiseStdDev = 0.01;

    public static SearchSpace Space { get; } = SearchSpace.Create([
        new("lr", new FloatDistribution(1e-3, 1, Log: true)),
        new("capacity", new FloatDistribution(0, 1)),
    ]);

    /// <summary>The loss without noise after <paramref name="step"/> steps.</summary>
    public static double Expected(double lr, double capacity, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var s = (Math.Log10(lr) + 3) / 3;
        var plateau = 0.05 + 0.5 * s * s + 0.2 * (1 - capacity) * (1 - capacity);
        var speed = (0.15 + 1.5 * s) * (1 - 0.5 * capacity);
        return plateau + 2 * Math.Pow(step, -speed);
    }

    /// <summary>The loss a trial reports at a step: <see cref="Expected"/> plus noise fixed by (seed, trial, step).</summary>
    public static double Observed(IReadOnlyDictionary<string, object> config, int seed, int trialNumber, int step)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lr = Convert.ToDouble(config["lr"], CultureInfo.InvariantCulture);
        var capacity = Convert.ToDouble(config["capacity"], CultureInfo.InvariantCulture);
        return Expected(lr, capacity, step) + NoiseStdDev * CurveNoise.StandardNormal(seed, trialNumber, step);
    }
}
