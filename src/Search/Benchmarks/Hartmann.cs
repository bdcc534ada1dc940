namespace Tuner.Search.Benchmarks;

/// <summary>
/// The Hartmann functions on [0, 1]^D: f(x) = −Σᵢ αᵢ exp(−Σⱼ Aᵢⱼ (xⱼ − Pᵢⱼ)²) with the SFU library's α, A and P.
/// <see cref="Three"/>: minimum −3.86278 at (0.114614, 0.555649, 0.852547); <see cref="Six"/>: minimum −3.32237 at
/// (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
/// </summary>
public sealed class Hartmann : ContinuousFunction
{
    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private readonly double[][] a;
    private readonly double[][] p;

    private Hartmann(string name, double knownMinimum, double[] argmin, double[][] a, double[][] p)
        : base(name, Cube(argmin.Length, 0, 1), knownMinimum, argmin)
    {
        this.a = a;
        this.p = p;
    }

    public static Hartmann Three() => new(
        "hartmann3",
        -3.86278214782076,
        [0.114614, 0.555649, 0.852547],
        [[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]],
        Scaled([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]]));

    public static Hartmann Six() => new(
        "hartmann6",
        -3.32236801141551,
        [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573],
        [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]],
        Scaled([
            [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
            [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]));

    public override double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < Alpha.Length; i++)
        {
            var exponent = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                var d = x[j] - p[i][j];
                exponent += a[i][j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-exponent);
        }

        return -sum;
    }

    private static double[][] Scaled(double[][] p) => p.Select(row => row.Select(v => v * 1e-4).ToArray()).ToArray();
}
