namespace Tuner.Search.Tests.Pruners;

/// <summary>Builds frozen trials for pruner cases: values given as (step, value) pairs.</summary>
internal static class Trials
{
    public static FrozenTrial Complete(int number, params (int Step, double Value)[] values) =>
        Make(number, TrialState.Complete, values);

    public static FrozenTrial Running(int number, params (int Step, double Value)[] values) =>
        Make(number, TrialState.Running, values);

    public static FrozenTrial Make(int number, TrialState state, params (int Step, double Value)[] values) =>
        new(number, state, new Dictionary<string, object>(), values.ToDictionary(v => v.Step, v => v.Value), null);
}
