using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Grid;

/// <summary>
/// The finite list of values one parameter takes in a grid, without materializing it: every choice of a
/// categorical, every step of an int (Low + k*Step), every step of a stepped float (Low + k*Step, capped at High),
/// and the single value of a float with Low == High. Other floats are continuous and have no axis.
/// </summary>
internal sealed class GridAxis
{
    private readonly Distribution distribution;

    private GridAxis(Distribution distribution, long count)
    {
        this.distribution = distribution;
        Count = count;
    }

    /// <summary>How many values the axis has; at least 1.</summary>
    public long Count { get; }

    /// <summary>Whether the distribution has a finite grid of values.</summary>
    public static bool IsFinite(Distribution distribution) =>
        distribution is not FloatDistribution { Step: null } f || f.Low == f.High;

    /// <summary>The axis of a finite distribution, or null when it is continuous or has more than long.MaxValue values.</summary>
    public static GridAxis? For(Distribution distribution) => distribution switch
    {
        CategoricalDistribution c => new GridAxis(c, c.Choices.Count),
        IntDistribution i when i.LastGridIndex < long.MaxValue => new GridAxis(i, (long)i.LastGridIndex + 1),
        FloatDistribution { Step: not null } f when f.LastGridIndex < long.MaxValue => new GridAxis(f, f.LastGridIndex + 1),
        FloatDistribution f when f.Low == f.High => new GridAxis(f, 1),
        _ => null,
    };

    public object ValueAt(long k) => distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)k],
        IntDistribution i => unchecked(i.Low + (long)((ulong)k * (ulong)i.Step)),
        FloatDistribution { Step: { } step } f => Math.Min(f.Low + k * step, f.High),
        FloatDistribution f => f.Low,
        _ => throw new NotSupportedException($"grid sampling does not know the distribution type {distribution.GetType().Name}"),
    };

    /// <summary>The position of the value on the axis, or -1 when it is not one of the axis's values.</summary>
    public long IndexOf(object value)
    {
        if (!distribution.Contains(value))
        {
            return -1;
        }

        return distribution switch
        {
            CategoricalDistribution c => c.IndexOf(value),
            IntDistribution i when ParameterValues.TryGetLong(value, out var n) => (long)(unchecked((ulong)(n - i.Low)) / (ulong)i.Step),
            FloatDistribution { Step: { } step } f => Math.Clamp((long)Math.Round((f.ToInternal(value) - f.Low) / step), 0, Count - 1),
            _ => 0,
        };
    }
}
