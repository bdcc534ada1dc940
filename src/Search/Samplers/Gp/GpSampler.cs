namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// Gaussian-process Bayesian optimisation after Optuna's GPSampler (optuna/samplers/_gp/sampler.py): a Matérn-5/2 kernel with
/// one length scale per parameter, fitted by marginal likelihood with Optuna's priors, and log expected improvement maximized
/// over the mixed space (continuous, grid and categorical parameters). The first <see cref="GpOptions.StartupTrials"/> Complete
/// trials are random. The GP models the parameters present in every Complete trial (the intersection space) that can take
/// more than one value; all other active parameters are drawn exactly as <see cref="RandomSampler"/> with the same seed would.
/// Pending trials are handled as Optuna's LogEI does: they join the GP with the best value seen (the "best" constant liar), so
/// parallel asks avoid each other. Pruned and Failed trials are ignored. A Complete trial of <see cref="FrozenTrial.Weight"/>
/// w below 1 (an earlier sweep's, given as a prior) is observed with its noise variance divided by w. Stateless and deterministic: randomness comes from
/// <see cref="TrialRandom"/> keyed by (seed, trial number), so the same seed and history give the same suggestion.
/// </summary>
public sealed class GpSampler(int? seed = null, GpOptions? options = null) : ISampler
{
    private const string AcquisitionStream = "gp:acquisition";

    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; } = seed ?? Random.Shared.Next();

    public GpOptions Options { get; } = (options ?? new GpOptions()).ThrowIfInvalid();

    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelled = SampleModelled(context);
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var spec in context.Space.Parameters)
        {
            if (context.Space.IsActive(spec, assigned))
            {
                assigned[spec.Name] = modelled.TryGetValue(spec.Name, out var value)
                    ? value
                    : UniformSampling.Sample(spec.Distribution, TrialRandom.For(Seed, context.TrialNumber, spec.Name));
            }
        }

        return assigned;
    }

    private Dictionary<string, object> SampleModelled(SamplingContext context)
    {
        var complete = context.Trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && !double.IsNaN(v)).ToList();
        if (complete.Count < Math.Max(Options.StartupTrials, 1))
        {
            return [];
        }

        var dimensions = context.Space.Parameters
            .Select(spec => new GpDimension(spec))
            .Where(d => !d.IsSingle && complete.All(t => GpTrainingData.Covers([d], t)))
            .ToList();
        if (dimensions.Count == 0)
        {
            return [];
        }

        var data = GpTrainingData.Build(dimensions, complete, context.Trials.Where(t => t.IsPending), context.Direction);
        var categorical = dimensions.Select(d => d.Kind == GpDimensionKind.Categorical).ToArray();
        var kernel = KernelFit.Fit(data.X, data.Y, categorical, Options, data.NoiseScale);
        var best = data.Y.Max();
        var gp = GpRegressor.Create([.. data.X, .. data.PendingX], [.. data.Y, .. Enumerable.Repeat(best, data.PendingCount)], categorical, kernel, data.NoiseScale)
            ?? GpRegressor.Create(data.X, data.Y, categorical, kernel, data.NoiseScale);
        if (gp is null)
        {
            return [];
        }

        var bestIndex = Array.IndexOf(data.Y, best);
        var warmStart = data.X.AsSpan(bestIndex * dimensions.Count, dimensions.Count).ToArray();
        var random = TrialRandom.For(Seed, context.TrialNumber, AcquisitionStream);
        var point = AcquisitionOptimizer.Optimize(new Acquisition(gp, best), dimensions, warmStart, Options, random);
        return dimensions.Select((d, i) => (d.Spec.Name, Value: d.Denormalize(point[i]))).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
    }
}
