namespace Tuner.Search.Samplers.Tpe;

/// <summary>Accurate log1p, expm1 and log-add-exp, which .NET's Math does not provide (double.LogP1 is log(1 + x)).</summary>
internal static class LogMath
{
    /// <summary>log(1 + x), accurate for small x (Goldberg's trick).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) - 1, accurate for small x (Kahan's trick).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>log(exp(a) + exp(b)) without overflow.</summary>
    public static double LogAddExp(double a, double b)
    {
        var max = Math.Max(a, b);
        return double.IsNegativeInfinity(max) ? max : max + Log1P(Math.Exp(-Math.Abs(a - b)));
    }
}
