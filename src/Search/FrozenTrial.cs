namespace Tuner.Search;

/// <summary>An immutable snapshot of one trial: its parameters, the values it reported per step, and its outcome.</summary>
public sealed record FrozenTrial(
    int Number,
    TrialState State,
    IReadOnlyDictionary<string, object> Params,
    IReadOnlyDictionary<int, double> IntermediateValues,
    double? Value)
{
    /// <summary>The largest step reported so far, or null when nothing was reported.</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : IntermediateValues.Keys.Max();

    /// <summary>The value reported at <see cref="LastStep"/>, or null when nothing was reported.</summary>
    public double? LastIntermediateValue => LastStep is { } step ? IntermediateValues[step] : null;

    /// <summary>True for Complete, Pruned and Failed trials.</summary>
    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    /// <summary>True for Waiting and Running trials.</summary>
    public bool IsPending => !IsFinished;
}
