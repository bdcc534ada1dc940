namespace Tuner.Search.Benchmarks;

/// <summary>
/// Levy on [−10, 10]^D with wᵢ = 1 + (xᵢ − 1)/4: sin²(πw₁) + Σᵢ₌₁^{D−1} (wᵢ − 1)² [1 + 10 sin²(πwᵢ + 1)]
/// + (w_D − 1)² [1 + sin²(2πw_D)], minimum 0 at (1, …, 1).
/// </summary>
public sealed class Levy(int dims) : ContinuousFunction(
    $"levy:{dims}", Cube(dims, -10, 10), 0, Enumerable.Repeat(1.0, dims).ToArray())
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        static double W(double xi) => 1 + (xi - 1) / 4;
        static double SinSquared(double v) => Math.Sin(v) * Math.Sin(v);

        var first = W(x[0]);
        var sum = SinSquared(Math.PI * first);
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var w = W(x[i]);
            sum += (w - 1) * (w - 1) * (1 + 10 * SinSquared(Math.PI * w + 1));
        }

        var last = W(x[^1]);
        return sum + (last - 1) * (last - 1) * (1 + SinSquared(2 * Math.PI * last));
    }
}
