namespace Tuner.Search.Studies;

/// <summary>The mutable record of one trial inside a <see cref="Study"/>; callers only see its frozen snapshots.</summary>
internal sealed class StudyTrial(int number, IReadOnlyDictionary<string, object> parameters)
{
    private readonly SortedDictionary<int, double> intermediateValues = [];
    private FrozenTrial? frozen;

    public int Number { get; } = number;

    public TrialState State { get; private set; } = TrialState.Running;

    public double? Value { get; private set; }

    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned or TrialState.Failed;

    /// <summary>Records a step's value; a step already reported keeps its first value (as Optuna does).</summary>
    public void Report(int step, double value)
    {
        if (intermediateValues.TryAdd(step, value))
        {
            frozen = null;
        }
    }

    public void Finish(TrialState state, double? value)
    {
        State = state;
        Value = value;
        frozen = null;
    }

    public FrozenTrial Freeze() => frozen ??= new FrozenTrial(
        Number,
        State,
        parameters,
        new Dictionary<int, double>(intermediateValues),
        Value);
}
