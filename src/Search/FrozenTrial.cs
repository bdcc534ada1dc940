namespace Tuner.Search;

/// <summary>An immutable snapshot of one trial: its parameters, the values it reported per step, and its outcome.</summary>
public sealed record FrozenTrial(
    int Number,
    TrialState State,
    IReadOnlyDictionary<string, object> Params,
    IReadOnlyDictionary<int, double> IntermediateValues,
    double? Value)
{
    /// <summary>How much the trial counts in a model-based sampler, in (0, 1]: 1 for a sweep's own trials; less for an
    /// earlier sweep's trials given as a prior (a warm start's <c>prior_weight</c>). TPE scales the trial's Parzen
    /// component by it, and the GP treats its value as observed with its noise variance divided by it.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>The largest step reported so far, or null when nothing was reported.</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : IntermediateValues.Keys.Max();

    /// <summary>The value reported at <see cref="LastStep"/>, or null when nothing was reported.</summary>
    public double? LastIntermediateValue => LastStep is { } step ? IntermediateValues[step] : null;

    /// <summary>True for Complete, Pruned and Failed trials.</summary>
    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    /// <summary>True for Waiting and Running trials.</summary>
    public bool IsPending => !IsFinished;
}
