using static System.FormattableString;

namespace Tuner.Search.Spaces;

/// <summary>
/// Real numbers in [Low, High] (Low may equal High). With Log, sampled uniformly in log space. With Step, only
/// the grid Low + k*Step that lies inside [Low, High]; High need not be on the grid. Log and Step exclude each other.
/// </summary>
public sealed record FloatDistribution(double Low, double High, bool Log = false, double? Step = null) : Distribution
{
    private const double GridTolerance = 1e-8;

    public override IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(Low) || !double.IsFinite(High))
        {
            problems.Add(Invariant($"low and high must be finite numbers, but got low={Low}, high={High}"));
        }
        else if (Low > High)
        {
            problems.Add(Invariant($"low must be less than or equal to high, but got low={Low}, high={High}"));
        }

        if (Log && !(Low > 0))
        {
            problems.Add(Invariant($"log scale needs low > 0, but got low={Low}"));
        }

        if (Step is { } step && !(double.IsFinite(step) && step > 0))
        {
            problems.Add(Invariant($"step must be a finite number greater than 0, but got step={step}"));
        }

        if (Step is { } logStep && Log)
        {
            problems.Add(Invariant($"step cannot be combined with log scale, but got step={logStep}, log=true"));
        }

        return problems;
    }

    public override double ToInternal(object value) =>
        ParameterValues.TryGetDouble(value, out var number)
            ? number
            : throw new ArgumentException($"a float parameter needs a number, but got {ParameterValues.Describe(value)}", nameof(value));

    public override object ToExternal(double internalValue) => internalValue;

    public override bool Contains(object value)
    {
        if (!ParameterValues.TryGetDouble(value, out var number) || !(number >= Low && number <= High))
        {
            return false;
        }

        if (Step is not { } step)
        {
            return true;
        }

        var k = (number - Low) / step;
        return Math.Abs(k - Math.Round(k)) < GridTolerance;
    }

    /// <summary>With Step, the largest k such that Low + k*Step lies inside [Low, High].</summary>
    internal long LastGridIndex => Step is { } step ? (long)Math.Floor((High - Low) / step + GridTolerance) : 0;

    public override string ToString() =>
        Invariant($"float [{Low}, {High}]") + (Log ? " log" : "") + (Step is { } step ? Invariant($" step {step}") : "");
}
