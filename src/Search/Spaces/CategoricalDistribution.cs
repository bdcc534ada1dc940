using static System.FormattableString;

namespace Tuner.Search.Spaces;

/// <summary>
/// One of a list of choices (string, double, long or bool; other integer and floating types are normalized to long
/// and double). The internal value is the index of the choice. Two distributions are equal when their choices are
/// equal one by one, numbers compared numerically.
/// </summary>
public sealed record CategoricalDistribution(IReadOnlyList<object> Choices) : Distribution
{
    private readonly IReadOnlyList<object> choices = ParameterValues.NormalizeAll(Choices);
    private Dictionary<object, int>? firstIndex;

    public IReadOnlyList<object> Choices
    {
        get => choices;
        init
        {
            choices = ParameterValues.NormalizeAll(value);
            firstIndex = null;
        }
    }

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Choices.Count == 0)
        {
            problems.Add("choices must not be empty");
        }

        for (var i = 0; i < Choices.Count; i++)
        {
            var choice = Choices[i];
            if (choice is not (string or double or long or bool))
            {
                var type = choice?.GetType().Name ?? "null";
                problems.Add($"choices must be strings, numbers or booleans, but got choices[{i}]={ParameterValues.Describe(choice)} ({type})");
            }
            else if (choice is double d && double.IsNaN(d))
            {
                problems.Add(Invariant($"choices must not contain NaN, but got choices[{i}]=NaN"));
            }
            else if (IndexOf(choice) < i)
            {
                problems.Add($"choices must be distinct, but got {ParameterValues.Describe(choice)} at index {IndexOf(choice)} and {i}");
            }
        }

        return problems;
    }

    /// <summary>The index of the first choice equal to the value, or -1; one hash lookup, so checking every choice of
    /// a long list stays linear.</summary>
    public int IndexOf(object? value)
    {
        if (value is null)
        {
            return -1;
        }

        firstIndex ??= IndexChoices(choices);
        return firstIndex.TryGetValue(value, out var index) ? index : -1;
    }

    private static Dictionary<object, int> IndexChoices(IReadOnlyList<object> choices)
    {
        var index = new Dictionary<object, int>(choices.Count, ParameterValueComparer.Instance);
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is { } choice)
            {
                index.TryAdd(choice, i);
            }
        }

        return index;
    }

    public override double ToInternal(object value)
    {
        var index = IndexOf(value);
        return index >= 0
            ? index
            : throw new ArgumentException($"{ParameterValues.Describe(value)} is not one of the choices {ParameterValues.DescribeAll(Choices)}", nameof(value));
    }

    public override object ToExternal(double internalValue)
    {
        if (internalValue >= 0 && internalValue < Choices.Count && internalValue == Math.Floor(internalValue))
        {
            return Choices[(int)internalValue];
        }

        throw new ArgumentOutOfRangeException(
            nameof(internalValue), internalValue, Invariant($"a choice index must be an integer in [0, {Choices.Count - 1}], but got {internalValue}"));
    }

    public override bool Contains(object value) => IndexOf(value) >= 0;

    public bool Equals(CategoricalDistribution? other) =>
        ReferenceEquals(this, other) || (other is not null && ParameterValues.SequenceEqual(Choices, other.Choices));

    public override int GetHashCode() => ParameterValues.SequenceHash(Choices);

    public override string ToString() => "categorical " + ParameterValues.DescribeAll(Choices);
}
