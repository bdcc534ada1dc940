namespace Tuner.Trainer.Workloads.Synthetic;

/// <summary>
/// A synthetic learning curve: after epoch e (1-based) it reports
/// <c>f(x) + (1 + |f(x)|) · exp(−e / τ(x)) + noise + shift</c>, where f is the benchmark function at the trial's point, so the
/// curve falls from about f + 1 + |f| towards f. The rate τ(x) = 1 + 4·|sin(Σ x)| differs between points, so curves
/// cross: a trial that starts well may end worse, which is what a pruner has to cope with. The noise is Gaussian with
/// standard deviation <c>noise · (1 + |f(x)|)</c>, drawn from (seed, epoch) only, so a resumed trial reports exactly what
/// an uninterrupted one does. The shift stands for the data: the same point scored on another run's data (another
/// shift) reports the same curve moved by the difference.
/// </summary>
internal sealed class SyntheticCurve(double final, IReadOnlyList<double> x, double noise, int seed, double shift = 0)
{
    private readonly double _rate = 1 + 4 * Math.Abs(Math.Sin(x.Sum()));
    private readonly double _scale = 1 + Math.Abs(final);

    /// <summary>The value the curve converges to: the benchmark function at the trial's point.</summary>
    public double Final => final;

    /// <summary>The value reported after <paramref name="epoch"/> epochs (1-based).</summary>
    public double At(int epoch)
    {
        var random = new Random(BatchSeeds.Of(seed, epoch, -1));
        // Box-Muller: one standard normal draw from two uniform ones.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return final + _scale * Math.Exp(-epoch / _rate) + noise * _scale * normal + shift;
    }
}
