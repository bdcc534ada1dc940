namespace Tuner.Search.Studies;

/// <summary>A running trial handed out by <see cref="Study.Ask"/>: its parameters, and a way to report progress.</summary>
public sealed class TrialHandle
{
    private readonly Study study;

    internal TrialHandle(Study study, int number, IReadOnlyDictionary<string, object> parameters)
    {
        this.study = study;
        Number = number;
        Params = parameters;
    }

    public int Number { get; }

    public IReadOnlyDictionary<string, object> Params { get; }

    /// <summary>Records the objective's value at a step (steps start at 0). A step reported twice keeps its first value.</summary>
    /// <exception cref="InvalidOperationException">The trial is already finished.</exception>
    public void Report(int step, double value) => study.Report(Number, step, value);

    /// <summary>Whether the study's pruner would stop this trial at its last reported step.</summary>
    public bool ShouldPrune() => study.ShouldPrune(Number);
}
