namespace Tuner.Search.Benchmarks;

/// <summary>
/// Ackley on [−32.768, 32.768]^D with a = 20, b = 0.2, c = 2π:
/// −a exp(−b √(Σxᵢ²/D)) − exp(Σ cos(c xᵢ)/D) + a + e, minimum 0 at the origin.
/// </summary>
public sealed class Ackley(int dims) : ContinuousFunction(
    $"ackley:{dims}", Cube(dims, -32.768, 32.768), 0, new double[dims])
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        const double a = 20, b = 0.2, c = 2 * Math.PI;
        var squares = 0.0;
        var cosines = 0.0;
        foreach (var xi in x)
        {
            squares += xi * xi;
            cosines += Math.Cos(c * xi);
        }

        var value = -a * Math.Exp(-b * Math.Sqrt(squares / x.Length)) - Math.Exp(cosines / x.Length) + a + Math.E;
        return Math.Max(value, 0); // rounding leaves ±4e-16 at the origin; the true value is never below 0
    }
}
