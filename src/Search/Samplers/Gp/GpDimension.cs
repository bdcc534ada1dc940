using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// One parameter in the GP's coordinates, after optuna/_gp/search_space.py: floats and ints map to [0, 1] (in log space for
/// log scales); grids (ints, stepped floats) widen their range by half a step on each side so every grid point owns an equal
/// cell, and snap to the nearest point; a categorical keeps its choice index and is compared by equality (Hamming distance).
/// </summary>
internal sealed class GpDimension
{
    private readonly double low;
    private readonly double step;
    private readonly double scaledLow;
    private readonly double scaledHigh;
    private readonly bool log;

    public GpDimension(ParameterSpec spec)
    {
        Spec = spec;
        switch (spec.Distribution)
        {
            case CategoricalDistribution c:
                Kind = GpDimensionKind.Categorical;
                GridSize = c.Choices.Count;
                return;
            case FloatDistribution { Step: { } s } f:
                (Kind, low, step, GridSize) = (GpDimensionKind.Grid, f.Low, s, f.LastGridIndex + 1);
                break;
            case FloatDistribution f:
                (Kind, low, log, GridSize) = (GpDimensionKind.Continuous, f.Low, f.Log, 0);
                (scaledLow, scaledHigh) = (Scale(f.Low), Scale(f.High));
                return;
            case IntDistribution i:
                (Kind, low, step, log, GridSize) = (GpDimensionKind.Grid, i.Low, i.Step, i.Log, (long)i.LastGridIndex + 1);
                break;
            default:
                throw new NotSupportedException($"the GP sampler does not know the distribution type {spec.Distribution.GetType().Name}");
        }

        var lastValue = low + (GridSize - 1) * step;
        (scaledLow, scaledHigh) = (Scale(low - 0.5 * step), Scale(lastValue + 0.5 * step));
    }

    public ParameterSpec Spec { get; }

    public GpDimensionKind Kind { get; }

    /// <summary>The number of grid points or choices; 0 for continuous dimensions.</summary>
    public long GridSize { get; }

    /// <summary>True when only one value is possible, so the GP has nothing to learn (Optuna skips such parameters).</summary>
    public bool IsSingle => Kind == GpDimensionKind.Continuous ? scaledHigh == scaledLow : GridSize <= 1;

    /// <summary>The GP coordinate of an external value: in [0, 1], or the choice index for a categorical.</summary>
    public double Normalize(object value) => Kind switch
    {
        GpDimensionKind.Categorical => Spec.Distribution.ToInternal(value),
        _ => ToUnit(Scale(Spec.Distribution.ToInternal(value))),
    };

    /// <summary>The coordinate of grid point (or choice) k.</summary>
    public double GridPoint(long k) => Kind == GpDimensionKind.Categorical ? k : ToUnit(Scale(low + k * step));

    /// <summary>The grid point (or choice) whose cell holds the coordinate.</summary>
    public long GridIndex(double x)
    {
        if (Kind == GpDimensionKind.Categorical)
        {
            return Math.Clamp((long)Math.Round(x), 0, GridSize - 1);
        }

        var value = Unscale(scaledLow + x * (scaledHigh - scaledLow));
        return (long)Math.Clamp(Math.Round((value - low) / step), 0, GridSize - 1);
    }

    /// <summary>Moves a coordinate onto the nearest grid point (or choice); continuous coordinates are only clamped.</summary>
    public double Snap(double x) => Kind == GpDimensionKind.Continuous ? Math.Clamp(x, 0, 1) : GridPoint(GridIndex(x));

    /// <summary>The external value at a coordinate: a double, a long, or a choice, always inside the distribution.</summary>
    public object Denormalize(double x) => Spec.Distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)GridIndex(x)],
        IntDistribution i => Math.Clamp(i.Low + GridIndex(x) * i.Step, i.Low, i.High),
        FloatDistribution { Step: not null } f => Math.Clamp(low + GridIndex(x) * step, f.Low, f.High),
        FloatDistribution f => Math.Clamp(Unscale(scaledLow + Math.Clamp(x, 0, 1) * (scaledHigh - scaledLow)), f.Low, f.High),
        _ => throw new NotSupportedException($"the GP sampler does not know the distribution type {Spec.Distribution.GetType().Name}"),
    };

    private double ToUnit(double scaled) => scaledHigh == scaledLow ? 0.5 : (scaled - scaledLow) / (scaledHigh - scaledLow);

    private double Scale(double value) => log ? Math.Log(value) : value;

    private double Unscale(double scaled) => log ? Math.Exp(scaled) : scaled;
}
