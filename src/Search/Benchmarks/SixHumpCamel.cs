namespace Tuner.Search.Benchmarks;

/// <summary>
/// Six-hump camel on x1 ∈ [−3, 3], x2 ∈ [−2, 2]: two global minima −1.0316 at (0.0898, −0.7126) and (−0.0898, 0.7126)
/// (SFU library; the precise value is −1.0316284535).
/// </summary>
public sealed class SixHumpCamel() : ContinuousFunction(
    "six_hump_camel", [new(-3, 3), new(-2, 2)], -1.0316284534898774, [0.0898, -0.7126])
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        var (x1, x2) = (x[0], x[1]);
        var x1Squared = x1 * x1;
        var x2Squared = x2 * x2;
        return (4 - 2.1 * x1Squared + x1Squared * x1Squared / 3) * x1Squared + x1 * x2 + (-4 + 4 * x2Squared) * x2Squared;
    }
}
