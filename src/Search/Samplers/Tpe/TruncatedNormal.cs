namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// The standard normal's log CDF, log mass of an interval, and the truncated normal's inverse CDF, computed in log
/// space so tails stay accurate. Follows optuna/samplers/_tpe/_truncnorm.py (itself from SciPy), scalar version.
/// </summary>
internal static class TruncatedNormal
{
    private const double MachineEpsilon = 2.220446049250313e-16;
    public static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);
    private static readonly double LogisticScale = Math.Sqrt(3) / Math.PI;

    /// <summary>Φ(a), the standard normal CDF.</summary>
    public static double Ndtr(double a)
    {
        var x = a * InvSqrt2;
        if (x < -InvSqrt2)
        {
            return 0.5 * Erf.Complement(-x);
        }

        return x < InvSqrt2 ? 0.5 + 0.5 * Erf.Of(x) : 1.0 - 0.5 * Erf.Complement(x);
    }

    /// <summary>log Φ(a), with an asymptotic series far in the left tail.</summary>
    public static double LogNdtr(double a)
    {
        if (a > 6)
        {
            return -Ndtr(-a);
        }

        if (a > -20)
        {
            return Math.Log(Ndtr(a));
        }

        var logLhs = -0.5 * a * a - Math.Log(-a) - LogSqrt2Pi;
        double last = 0, rhs = 1, numerator = 1, denominator = 1, inverseSquare = 1 / (a * a);
        var sign = 1;
        for (var i = 1; Math.Abs(last - rhs) > MachineEpsilon && i < 100; i++)
        {
            last = rhs;
            sign = -sign;
            denominator *= inverseSquare;
            numerator *= 2 * i - 1;
            rhs += sign * numerator * denominator;
        }

        return logLhs + Math.Log(rhs);
    }

    /// <summary>log(Φ(b) − Φ(a)) for a ≤ b, working in whichever tail is accurate.</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (b <= 0)
        {
            return LogDiff(LogNdtr(b), LogNdtr(a));
        }

        if (a > 0)
        {
            return LogDiff(LogNdtr(-a), LogNdtr(-b));
        }

        return LogMath.Log1P(-Ndtr(a) - Ndtr(-b));
    }

    /// <summary>The point c in [a, b] with (Φ(c) − Φ(a)) / (Φ(b) − Φ(a)) = q, for the standard normal truncated to [a, b].</summary>
    public static double Ppf(double q, double a, double b)
    {
        if (a >= b || q <= 0)
        {
            return a;
        }

        if (q >= 1)
        {
            return b;
        }

        var logMass = LogGaussMass(a, b);
        var x = a < 0
            ? NdtriExp(LogMath.LogAddExp(LogNdtr(a), Math.Log(q) + logMass))
            : -NdtriExp(LogMath.LogAddExp(LogNdtr(-b), LogMath.Log1P(-q) + logMass));
        return Math.Clamp(x, a, b);
    }

    /// <summary>The x with log Φ(x) = y (Newton's method from a tail or logistic first guess).</summary>
    public static double NdtriExp(double y)
    {
        var flipped = y > -1e-2;
        var z = flipped ? Math.Log(-LogMath.ExpM1(y)) : y;
        var x = z < -5 ? -Math.Sqrt(-2.0 * (z + LogSqrt2Pi)) : -LogisticScale * Math.Log(LogMath.ExpM1(-z));
        for (var i = 0; i < 100; i++)
        {
            var logNdtrX = LogNdtr(x);
            var logPdfX = -0.5 * x * x - LogSqrt2Pi;
            var dx = (logNdtrX - z) * Math.Exp(logNdtrX - logPdfX);
            x -= dx;
            if (!(Math.Abs(dx) >= 1e-8 * Math.Abs(x)))
            {
                break;
            }
        }

        return flipped ? -x : x;
    }

    private static double LogDiff(double logP, double logQ) => logP + LogMath.Log1P(-Math.Exp(logQ - logP));
}
