using static System.FormattableString;

namespace Tuner.Search.Spaces;

/// <summary>
/// Integers Low + k*Step inside [Low, High] (High need not be on the grid). With Log, sampled uniformly in log
/// space and rounded; Log needs Low ≥ 1 and Step 1. Values accepted: int, long, or a double with an integral value.
/// </summary>
public sealed record IntDistribution(long Low, long High, bool Log = false, long Step = 1) : Distribution
{
    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Low > High)
        {
            problems.Add(Invariant($"low must be less than or equal to high, but got low={Low}, high={High}"));
        }

        if (Log && Low <= 0)
        {
            problems.Add(Invariant($"log scale needs low > 0, but got low={Low}"));
        }

        if (Step < 1)
        {
            problems.Add(Invariant($"step must be at least 1, but got step={Step}"));
        }

        if (Log && Step != 1)
        {
            problems.Add(Invariant($"step cannot be combined with log scale, but got step={Step}, log=true"));
        }

        return problems;
    }

    public override double ToInternal(object value) =>
        ParameterValues.TryGetLong(value, out var number)
            ? number
            : throw new ArgumentException($"an int parameter needs an integer, but got {ParameterValues.Describe(value)}", nameof(value));

    public override object ToExternal(double internalValue) =>
        double.IsFinite(internalValue)
            ? (long)Math.Round(internalValue)
            : throw new ArgumentOutOfRangeException(nameof(internalValue), internalValue, Invariant($"an int parameter needs a finite internal value, but got {internalValue}"));

    public override bool Contains(object value) =>
        ParameterValues.TryGetLong(value, out var number)
        && number >= Low && number <= High
        && Step >= 1 && (number - Low) % Step == 0;

    /// <summary>The largest k such that Low + k*Step lies inside [Low, High].</summary>
    internal ulong LastGridIndex => unchecked((ulong)(High - Low)) / (ulong)Step;

    public override string ToString() =>
        Invariant($"int [{Low}, {High}]") + (Log ? " log" : "") + (Step != 1 ? Invariant($" step {Step}") : "");
}
