namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// A mixture of product kernels over some dimensions (optuna/samplers/_tpe/parzen_estimator.py): one component per
/// observation, weighted by <see cref="TpeWeights"/> in trial-number order (times the observation's trial weight), plus
/// a prior component with the prior weight; just the prior when there are no observations.
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly TpeKernels[] kernels;
    private readonly double[] logWeights;
    private readonly double[] cumulativeWeights;

    /// <param name="observations">observations[j]: the internal values of dimension j, one per observation.</param>
    /// <param name="observationWeights">Each observation's trial weight (<see cref="FrozenTrial.Weight"/>); null: all 1.</param>
    public ParzenEstimator(TpeDimension[] dimensions, double[][] observations, TpeOptions options, double[]? observationWeights = null)
    {
        var count = observations.Length == 0 ? 0 : observations[0].Length;
        var weights = TpeWeights.Mixture(count, options.PriorWeight, observationWeights);
        if (dimensions.Length == 1 && dimensions[0].Kind != TpeKind.Categorical)
        {
            // Kernel order does not change the mixture. Sorted 1-D kernels put those near a point side by side, so
            // the log-sum-exp skips far ones in whole vectors and its branches are predictable.
            observations = [(double[])observations[0].Clone()];
            Array.Sort(observations[0], weights, 0, count);
        }

        logWeights = new double[weights.Length];
        cumulativeWeights = new double[weights.Length];
        var running = 0.0;
        for (var k = 0; k < weights.Length; k++)
        {
            logWeights[k] = Math.Log(weights[k]);
            running += weights[k];
            cumulativeWeights[k] = running;
        }

        // The last component with weight catches rounding, so a zero-weight prior is never drawn.
        cumulativeWeights[Array.FindLastIndex(weights, w => w > 0)] = double.PositiveInfinity;
        kernels = new TpeKernels[dimensions.Length];
        for (var j = 0; j < dimensions.Length; j++)
        {
            kernels[j] = dimensions[j].Kind == TpeKind.Categorical
                ? new CategoricalKernels(dimensions[j].Choices, observations[j], options.PriorWeight)
                : TpeBandwidth.Kernels(dimensions[j], observations[j], dimensions.Length, options);
        }
    }

    /// <summary>Fills samples[i * dims + j] with <paramref name="count"/> draws (internal values) from the mixture.</summary>
    public void Sample(TrialRandom random, int count, double[] samples)
    {
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var component = 0;
            while (cumulativeWeights[component] <= u)
            {
                component++;
            }

            for (var j = 0; j < kernels.Length; j++)
            {
                samples[i * kernels.Length + j] = kernels[j].Sample(component, random);
            }
        }
    }

    /// <summary>
    /// Writes the mixture's log density of each of <paramref name="count"/> points (laid out as in <see cref="Sample"/>).
    /// Kernels are visited in cache-sized blocks, twice: once for each point's largest term, once to sum the terms
    /// within <see cref="LogSumExp.Negligible"/> nats of it (the rest add under 1e-17 relative and are skipped).
    /// </summary>
    public void LogPdf(double[] points, int count, Span<double> result)
    {
        var dims = kernels.Length;
        var column = new double[count];
        for (var j = 0; j < dims; j++)
        {
            for (var i = 0; i < count; i++)
            {
                column[i] = points[i * dims + j];
            }

            kernels[j].Prepare(column);
        }

        var max = new double[count];
        var sum = new double[count];
        Array.Fill(max, double.NegativeInfinity);
        var block = new double[Math.Min(BlockSize, logWeights.Length)];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var offset = 0; offset < logWeights.Length; offset += BlockSize)
            {
                var terms = block.AsSpan(0, Math.Min(BlockSize, logWeights.Length - offset));
                for (var i = 0; i < count; i++)
                {
                    logWeights.AsSpan(offset, terms.Length).CopyTo(terms);
                    for (var j = 0; j < dims; j++)
                    {
                        kernels[j].AddLogPdf(i, points[i * dims + j], terms, offset);
                    }

                    if (pass == 0)
                    {
                        max[i] = Math.Max(max[i], LogSumExp.Max(terms));
                    }
                    else
                    {
                        sum[i] += LogSumExp.SumExp(terms, max[i]);
                    }
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            result[i] = double.IsFinite(max[i]) ? Math.Log(sum[i]) + max[i] : max[i];
        }
    }

    private const int BlockSize = 1024;
}
