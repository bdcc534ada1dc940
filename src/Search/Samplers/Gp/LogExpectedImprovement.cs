using MathNet.Numerics;

namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// log E[max(0, Y − f0)] for Y ~ N(mean, var), computed stably as in optuna/_gp/acqf.py (logei, standard_logei; Ament et
/// al. 2023, eq. 9): log σ + h(z) with z = (mean − f0)/σ and h(z) = log(zΦ(z) + φ(z)); below z = −25 the asymptotic series
/// of erfcx replaces the cancelling difference, so the value stays finite and its slope right however bad the mean is.
/// </summary>
internal static class LogExpectedImprovement
{
    /// <summary>Added to the variance, as Optuna's stabilizing noise, so σ is never 0.</summary>
    public const double StabilizingNoise = 1e-12;

    private const double SmallZ = -25;
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>The value and its derivatives with respect to the mean and the variance.</summary>
    public static (double Value, double DMean, double DVariance) Evaluate(double mean, double variance, double f0)
    {
        var sigma = Math.Sqrt(variance + StabilizingNoise);
        var z = (mean - f0) / sigma;
        var (h, slope) = Standard(z);
        var dMean = slope / sigma;
        var dSigma = (1 - slope * z) / sigma;
        return (Math.Log(sigma) + h, dMean, dSigma / (2 * sigma));
    }

    /// <summary>h(z) = log E[max(0, X + z)] for X ~ N(0, 1), and h'(z) = Φ(z) / (zΦ(z) + φ(z)).</summary>
    public static (double Value, double Slope) Standard(double z)
    {
        if (z >= SmallZ)
        {
            var cdf = 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
            var pdf = Math.Exp(-0.5 * z * z - LogSqrt2Pi);
            var ei = z * cdf + pdf;
            return (Math.Log(ei), cdf / ei);
        }

        // Φ(z) = φ(z) r and zΦ + φ = φ(z)(z r + 1), r = √(π/2) erfcx(−z/√2) = −(1/z)(1 − w + 3w² − 15w³ + 105w⁴ − ...), w = 1/z².
        var w = 1 / (z * z);
        var r = -(1 - w * (1 - w * (3 - w * (15 - w * (105 - w * 945))))) / z;
        var zrPlusOne = w * (1 - w * (3 - w * (15 - w * (105 - w * 945))));
        return (-0.5 * z * z - LogSqrt2Pi + Math.Log(zrPlusOne), r / zrPlusOne);
    }
}
