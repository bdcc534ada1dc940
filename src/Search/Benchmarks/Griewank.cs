namespace Tuner.Search.Benchmarks;

/// <summary>Griewank on [−600, 600]^D: Σ xᵢ²/4000 − Π cos(xᵢ/√i) + 1 (i from 1), minimum 0 at the origin.</summary>
public sealed class Griewank(int dims) : ContinuousFunction(
    $"griewank:{dims}", Cube(dims, -600, 600), 0, new double[dims])
{
    public override double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        var product = 1.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * x[i] / 4000;
            product *= Math.Cos(x[i] / Math.Sqrt(i + 1));
        }

        return sum - product + 1;
    }
}
