namespace Tuner.Search.Spaces;

/// <summary>
/// Makes a parameter active only when <paramref name="Parent"/> is active and its value is one of
/// <paramref name="Values"/> (numbers compared numerically: 64L matches 64.0). Equality compares the values one by one.
/// </summary>
public sealed record ParameterCondition(string Parent, IReadOnlyList<object> Values)
{
    private readonly IReadOnlyList<object> values = ParameterValues.NormalizeAll(Values);

    public IReadOnlyList<object> Values
    {
        get => values;
        init => values = ParameterValues.NormalizeAll(value);
    }

    /// <summary>Whether the parent's value is one of <see cref="Values"/>.</summary>
    public bool Matches(object? parentValue) => Values.Any(v => ParameterValues.AreEqual(v, parentValue));

    public bool Equals(ParameterCondition? other) =>
        ReferenceEquals(this, other)
        || (other is not null && string.Equals(Parent, other.Parent, StringComparison.Ordinal) && ParameterValues.SequenceEqual(Values, other.Values));

    public override int GetHashCode() => HashCode.Combine(Parent, ParameterValues.SequenceHash(Values));

    public override string ToString() => $"when {Parent} in {ParameterValues.DescribeAll(Values)}";
}
