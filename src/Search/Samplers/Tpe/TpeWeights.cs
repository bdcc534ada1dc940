namespace Tuner.Search.Samplers.Tpe;

/// <summary>Mixture weights of a Parzen estimator: Optuna's default_weights (optuna/samplers/_tpe/sampler.py) plus the prior.</summary>
internal static class TpeWeights
{
    /// <summary>
    /// Optuna's default_weights(n): all ones below 25 observations; otherwise the oldest n − 25 (in trial-number
    /// order) ramp linearly from 1/n to 1 and the newest 25 weigh 1.
    /// </summary>
    public static double[] Default(int n)
    {
        var weights = new double[n];
        if (n < 25)
        {
            Array.Fill(weights, 1.0);
            return weights;
        }

        var ramp = n - 25;
        for (var i = 0; i < ramp; i++)
        {
            // np.linspace(1 / n, 1, num=ramp)
            weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }

        Array.Fill(weights, 1.0, ramp, 25);
        return weights;
    }

    /// <summary>Normalized component weights: Default(n), each scaled by its observation's
    /// <see cref="FrozenTrial.Weight"/> when <paramref name="observationWeights"/> is given, followed by the prior
    /// weight; just [1] when n = 0.</summary>
    public static double[] Mixture(int n, double priorWeight, double[]? observationWeights = null)
    {
        if (n == 0)
        {
            return [1.0];
        }

        var weights = new double[n + 1];
        Default(n).CopyTo(weights, 0);
        if (observationWeights is not null)
        {
            for (var k = 0; k < n; k++)
            {
                weights[k] *= observationWeights[k];
            }
        }

        weights[n] = priorWeight;
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
        }

        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] /= sum;
        }

        return weights;
    }
}
