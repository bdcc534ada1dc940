namespace Tuner.Search.Benchmarks;

/// <summary>Rosenbrock on [−5, 10]^D (D ≥ 2): Σ 100 (xᵢ₊₁ − xᵢ²)² + (xᵢ − 1)², minimum 0 at (1, …, 1).</summary>
public sealed class Rosenbrock(int dims) : ContinuousFunction(
    $"rosenbrock:{dims}", Cube(dims, -5, 10), 0, Enumerable.Repeat(1.0, dims).ToArray())
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var valley = x[i + 1] - x[i] * x[i];
            sum += 100 * valley * valley + (x[i] - 1) * (x[i] - 1);
        }

        return sum;
    }
}
