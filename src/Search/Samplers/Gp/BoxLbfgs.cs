namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// A small projected L-BFGS minimizer for the kernel fit (unbounded) and the acquisition's continuous coordinates (a box),
/// standing in for scipy's L-BFGS-B in Optuna. Variables held at a bound by the gradient are frozen for the step; the step is
/// projected onto the box and shortened until the Armijo condition holds. It stops when the projected gradient's largest
/// entry falls below the tolerance, when no step decreases the function, or after the iteration limit; it never throws.
/// </summary>
internal static class BoxLbfgs
{
    private const int Memory = 10;

    /// <summary>f(x) returns the value and writes the gradient; a non-finite value marks x as infeasible.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    public static (double[] X, double Value) Minimize(Objective f, double[] start, double[]? lower, double[]? upper, int maxIterations, double gradientTolerance)
    {
        var dims = start.Length;
        var x = Project(start, lower, upper);
        var g = new double[dims];
        var fx = f(x, g);
        if (!double.IsFinite(fx))
        {
            return (x, fx);
        }

        var history = new List<(double[] S, double[] Y, double Rho)>();
        var direction = new double[dims];
        var candidate = new double[dims];
        var gNew = new double[dims];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var free = FreeMask(x, g, lower, upper);
            if (MaxAbs(g, free) < gradientTolerance)
            {
                break;
            }

            Direction(g, free, history, direction);
            var slope = Dot(direction, g);
            if (!(slope < 0))
            {
                history.Clear();
                Direction(g, free, history, direction);
                slope = Dot(direction, g);
            }

            var step = history.Count == 0 ? Math.Min(1, 1 / Math.Max(MaxAbs(g, free), 1e-12)) : 1.0;
            var accepted = false;
            double fNew = double.NaN;
            for (var trial = 0; trial < 30 && !accepted; trial++, step *= 0.5)
            {
                for (var d = 0; d < dims; d++)
                {
                    candidate[d] = x[d] + step * direction[d];
                }

                candidate = Project(candidate, lower, upper);
                fNew = f(candidate, gNew);
                var decrease = 0.0;
                for (var d = 0; d < dims; d++)
                {
                    decrease += g[d] * (candidate[d] - x[d]);
                }

                accepted = double.IsFinite(fNew) && fNew <= fx + 1e-4 * Math.Min(decrease, 0) && decrease < 0;
            }

            if (!accepted)
            {
                break;
            }

            var s = new double[dims];
            var y = new double[dims];
            for (var d = 0; d < dims; d++)
            {
                (s[d], y[d]) = (candidate[d] - x[d], gNew[d] - g[d]);
            }

            var sy = Dot(s, y);
            if (sy > 1e-10)
            {
                history.Add((s, y, 1 / sy));
                if (history.Count > Memory)
                {
                    history.RemoveAt(0);
                }
            }

            (x, candidate) = (candidate, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
        }

        return (x, fx);
    }

    private static void Direction(double[] g, bool[] free, List<(double[] S, double[] Y, double Rho)> history, double[] direction)
    {
        for (var d = 0; d < g.Length; d++)
        {
            direction[d] = free[d] ? -g[d] : 0;
        }

        var alphas = new double[history.Count];
        for (var i = history.Count - 1; i >= 0; i--)
        {
            alphas[i] = history[i].Rho * Dot(history[i].S, direction);
            Axpy(-alphas[i], history[i].Y, direction, free);
        }

        if (history.Count > 0)
        {
            var (s, y, _) = history[^1];
            var scale = Dot(s, y) / Dot(y, y);
            for (var d = 0; d < g.Length; d++)
            {
                direction[d] *= scale;
            }
        }

        for (var i = 0; i < history.Count; i++)
        {
            var beta = history[i].Rho * Dot(history[i].Y, direction);
            Axpy(alphas[i] - beta, history[i].S, direction, free);
        }
    }

    private static bool[] FreeMask(double[] x, double[] g, double[]? lower, double[]? upper)
    {
        var free = new bool[x.Length];
        for (var d = 0; d < x.Length; d++)
        {
            var atLower = lower is not null && x[d] <= lower[d] && g[d] > 0;
            var atUpper = upper is not null && x[d] >= upper[d] && g[d] < 0;
            free[d] = !(atLower || atUpper);
        }

        return free;
    }

    private static double[] Project(double[] x, double[]? lower, double[]? upper)
    {
        var result = (double[])x.Clone();
        for (var d = 0; d < x.Length; d++)
        {
            result[d] = Math.Clamp(result[d], lower?[d] ?? double.NegativeInfinity, upper?[d] ?? double.PositiveInfinity);
        }

        return result;
    }

    private static double MaxAbs(double[] g, bool[] free)
    {
        var max = 0.0;
        for (var d = 0; d < g.Length; d++)
        {
            max = free[d] ? Math.Max(max, Math.Abs(g[d])) : max;
        }

        return max;
    }

    private static double Dot(double[] a, double[] b) => DenseMath.Dot(a, b);

    private static void Axpy(double alpha, double[] v, double[] target, bool[] free)
    {
        for (var d = 0; d < v.Length; d++)
        {
            target[d] += free[d] ? alpha * v[d] : 0;
        }
    }
}
