using Tuner.Search.Samplers.Gp;
using Tuner.Search.Samplers.Tpe;
using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Auto;

/// <summary>
/// The documented default (`kind: auto`): picks a sampler for each ask from the space and the history, by what did
/// best on the benchmark catalogue (docs/benchmarks.md):
/// <list type="bullet">
/// <item>the first <see cref="StartupTrials"/> trials: random points, drawn by the model sampler the space calls for (on
/// the benchmark, a scrambled Sobol start left GP in Hartmann-6's local minima more often: 11 of 20 seeds against 4 of 20);</item>
/// <item>spaces with conditional parameters, or with more categorical than numeric parameters: multivariate TPE
/// with grouping, whose kernels handle branches and unordered choices;</item>
/// <item>other spaces: GP Bayesian optimisation while fewer than <see cref="GpTrialLimit"/> trials are finished
/// (its fit costs O(n³) per ask), multivariate TPE after that.</item>
/// </list>
/// The choice depends only on the space and the history, so the same seed and history give the same suggestion.
/// </summary>
public sealed class AutoSampler : ISampler
{
    public const int StartupTrials = 10;
    public const int GpTrialLimit = 250;

    private readonly TpeSampler tpe;
    private readonly GpSampler gp;

    public AutoSampler(int? seed = null)
    {
        Seed = seed ?? Random.Shared.Next();
        tpe = new TpeSampler(Seed, new TpeOptions(StartupTrials: StartupTrials, Multivariate: true, Group: true));
        gp = new GpSampler(Seed, new GpOptions(StartupTrials: StartupTrials));
    }

    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; }

    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Choose(context) switch
        {
            AutoChoice.Gp => gp.Sample(context),
            _ => tpe.Sample(context),
        };
    }

    /// <summary>Which sampler the next ask uses; exposed so the choice can be tested and shown.</summary>
    public static AutoChoice Choose(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var finished = context.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned);
        var parameters = context.Space.Parameters;
        var categorical = parameters.Count(p => p.Distribution is CategoricalDistribution);
        if (parameters.Any(p => p.When is not null) || categorical > parameters.Count - categorical)
        {
            return AutoChoice.Tpe;
        }

        return finished < GpTrialLimit ? AutoChoice.Gp : AutoChoice.Tpe;
    }
}
