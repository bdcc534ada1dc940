namespace Tuner.Search.Benchmarks;

/// <summary>
/// Branin-Hoo on x1 ∈ [−5, 10], x2 ∈ [0, 15]: three global minima 0.397887 at (−π, 12.275), (π, 2.275) and
/// (9.42478, 2.475). Definition from Surjanovic &amp; Bingham's Virtual Library of Simulation Experiments (SFU).
/// </summary>
public sealed class Branin() : ContinuousFunction(
    "branin", [new(-5, 10), new(0, 15)], 0.39788735772973816, [Math.PI, 2.275])
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        const double a = 1, r = 6, s = 10;
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        var inner = x[1] - b * x[0] * x[0] + c * x[0] - r;
        return a * inner * inner + s * (1 - t) * Math.Cos(x[0]) + s;
    }
}
