namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Categorical kernels as in optuna/samplers/_tpe/parzen_estimator.py (_calculate_categorical_distributions):
/// every kernel spreads prior_weight / kernels over all choices, and an observation's kernel adds 1 to its own
/// choice; rows are normalized. Without observations there is one uniform kernel.
/// </summary>
internal sealed class CategoricalKernels : TpeKernels
{
    private readonly int choices;
    private readonly double[] logProbabilities;
    private readonly double[] cumulative;

    public CategoricalKernels(int choices, ReadOnlySpan<double> observations, double priorWeight)
    {
        this.choices = choices;
        var kernels = observations.Length == 0 ? 1 : observations.Length + 1;
        var probabilities = new double[kernels * choices];
        probabilities.AsSpan().Fill(observations.Length == 0 ? 1.0 / choices : priorWeight / kernels);
        for (var k = 0; k < observations.Length; k++)
        {
            probabilities[k * choices + (int)observations[k]] += 1;
        }

        logProbabilities = new double[probabilities.Length];
        cumulative = new double[probabilities.Length];
        for (var k = 0; k < kernels; k++)
        {
            var row = probabilities.AsSpan(k * choices, choices);
            var sum = 0.0;
            foreach (var p in row)
            {
                sum += p;
            }

            var running = 0.0;
            for (var c = 0; c < choices; c++)
            {
                var p = sum == 0 ? 0 : row[c] / sum;
                logProbabilities[k * choices + c] = Math.Log(p);
                running += p;
                cumulative[k * choices + c] = running;
            }

            cumulative[k * choices + choices - 1] = 1;
        }
    }

    public override void AddLogPdf(int point, double x, Span<double> logPdf, int offset)
    {
        var index = offset * choices + (int)x;
        for (var k = 0; k < logPdf.Length; k++, index += choices)
        {
            logPdf[k] += logProbabilities[index];
        }
    }

    public override double Sample(int kernel, TrialRandom random)
    {
        var u = random.NextDouble();
        var row = cumulative.AsSpan(kernel * choices, choices);
        var c = 0;
        while (c < choices - 1 && row[c] <= u)
        {
            c++;
        }

        return c;
    }
}
