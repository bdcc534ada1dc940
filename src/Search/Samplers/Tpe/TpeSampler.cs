namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// Tree-structured Parzen Estimator, after Optuna's TPESampler (optuna/samplers/_tpe/sampler.py, 4.x): until
/// <see cref="TpeOptions.StartupTrials"/> trials are finished it samples like <see cref="RandomSampler"/>; then
/// it splits the finished trials into good and bad ones by value (gamma), fits a Parzen mixture to each, and
/// suggests the candidate drawn from the good mixture that most favours it over the bad one. Pruned trials rank
/// after Complete ones by the step they reached and the value reported there; with the constant liar, pending
/// trials count as bad, so parallel workers get different suggestions. Multivariate mode models the parameters
/// common to all finished trials (or, with Group, each group of co-occurring parameters) jointly; every other
/// active parameter is modelled on its own, from the trials that have it (from the prior alone when none does).
/// A trial of <see cref="FrozenTrial.Weight"/> below 1 (an earlier sweep's, given as a prior) weighs that much in the
/// Parzen mixtures. Stateless and deterministic: all randomness comes from <see cref="TrialRandom"/> streams of
/// (seed, trial number, "tpe:" + parameter names).
/// </summary>
public sealed class TpeSampler : ISampler
{
    private readonly RandomSampler startup;

    /// <exception cref="ArgumentException">The options have problems; the message lists all of them.</exception>
    public TpeSampler(int? seed = null, TpeOptions? options = null)
    {
        Options = options ?? new TpeOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("TPE options are invalid: " + string.Join("; ", problems), nameof(options));
        }

        Seed = seed ?? Random.Shared.Next();
        startup = new RandomSampler(Seed);
    }

    /// <summary>The seed in use: the one given, or the one picked at construction.</summary>
    public int Seed { get; }

    public TpeOptions Options { get; }

    public IReadOnlyDictionary<string, object> Sample(SamplingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var finished = 0;
        foreach (var trial in context.Trials)
        {
            finished += trial.State is TrialState.Complete or TrialState.Pruned && trial.Number != context.TrialNumber ? 1 : 0;
        }

        if (finished < Options.StartupTrials)
        {
            return startup.Sample(context);
        }

        var parameters = context.Space.Parameters;
        var dimensions = new TpeDimension[parameters.Count];
        for (var d = 0; d < dimensions.Length; d++)
        {
            dimensions[d] = new TpeDimension(parameters[d]);
        }

        var history = TpeHistory.Build(context, dimensions, Options);
        var joint = new double[dimensions.Length];
        Array.Fill(joint, double.NaN);
        if (Options.Multivariate)
        {
            foreach (var group in TpeGroups.Find(history, dimensions, Options.Group))
            {
                var values = Suggest(group, dimensions, history, context.TrialNumber);
                for (var j = 0; j < group.Length; j++)
                {
                    joint[group[j]] = values[j];
                }
            }
        }

        SuggestIndependently(joint, dimensions, history, context.TrialNumber);
        var assigned = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var d = 0; d < dimensions.Length; d++)
        {
            var dimension = dimensions[d];
            if (context.Space.IsActive(parameters[d], assigned))
            {
                assigned[dimension.Name] = dimension.IsSingle ? dimension.SingleValue() : dimension.ToExternal(joint[d]);
            }
        }

        return assigned;
    }

    /// <summary>
    /// Fills every dimension no joint model covered with its own univariate suggestion. Each depends only on the
    /// history and its own seeded generator, so they run in parallel and the result does not depend on the order;
    /// a dimension that turns out inactive is simply not used.
    /// </summary>
    private void SuggestIndependently(double[] joint, TpeDimension[] dimensions, TpeHistory history, int trialNumber)
    {
        var pending = new List<int>(dimensions.Length);
        for (var d = 0; d < dimensions.Length; d++)
        {
            if (double.IsNaN(joint[d]) && !dimensions[d].IsSingle)
            {
                pending.Add(d);
            }
        }

        if (pending.Count < 2 || history.Columns.Length == 0 || history.Columns[0].Length < ParallelRowThreshold)
        {
            pending.ForEach(d => joint[d] = Suggest([d], dimensions, history, trialNumber)[0]);
            return;
        }

        Parallel.ForEach(pending, d => joint[d] = Suggest([d], dimensions, history, trialNumber)[0]);
    }

    /// <summary>Below this many history rows a dimension takes well under a millisecond and threads cost more than they save.</summary>
    private const int ParallelRowThreshold = 2000;

    private double[] Suggest(int[] group, TpeDimension[] dimensions, TpeHistory history, int trialNumber)
    {
        var names = new string[group.Length];
        for (var j = 0; j < group.Length; j++)
        {
            names[j] = dimensions[group[j]].Name;
        }

        var random = TrialRandom.For(Seed, trialNumber, "tpe:" + string.Join('\u001f', names));
        return TpeAcquisition.Suggest(group, dimensions, history, Options, random);
    }
}
