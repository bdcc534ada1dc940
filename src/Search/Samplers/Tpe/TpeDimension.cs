using Tuner.Search.Spaces;

namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// One parameter as TPE sees it. Internal values are the number itself for float and int parameters and the
/// choice index for categorical ones. Kernels live in the "adapted" space: log-transformed for log scales and,
/// for stepped floats and ints, widened by half a step at each end (optuna/samplers/_tpe/parzen_estimator.py).
/// </summary>
internal sealed class TpeDimension
{
    private readonly Distribution distribution;

    public TpeDimension(ParameterSpec spec)
    {
        Name = spec.Name;
        distribution = spec.Distribution;
        switch (spec.Distribution)
        {
            case CategoricalDistribution c:
                Kind = TpeKind.Categorical;
                Choices = c.Choices.Count;
                break;
            case IntDistribution i:
                Kind = TpeKind.Discrete;
                (Low, Step, LastGridIndex, Log) = (i.Low, i.Step, (long)i.LastGridIndex, i.Log);
                break;
            case FloatDistribution f when f.Step is { } step:
                Kind = TpeKind.Discrete;
                (Low, Step, LastGridIndex) = (f.Low, step, f.LastGridIndex);
                break;
            case FloatDistribution f:
                Kind = TpeKind.Continuous;
                (Low, High, Log) = (f.Low, f.High, f.Log);
                break;
            default:
                throw new NotSupportedException($"TPE does not know the distribution type {spec.Distribution.GetType().Name} of '{spec.Name}'");
        }

        if (Kind == TpeKind.Discrete)
        {
            High = Low + LastGridIndex * Step;
        }

        var half = Kind == TpeKind.Discrete ? Step / 2 : 0;
        AdaptedLow = Transform(Low - half);
        AdaptedHigh = Transform(High + half);
    }

    public string Name { get; }

    public TpeKind Kind { get; }

    public bool Log { get; }

    /// <summary>Lowest value; for stepped parameters the grid runs Low, Low + Step, ..., High.</summary>
    public double Low { get; }

    public double High { get; }

    public double Step { get; }

    public long LastGridIndex { get; }

    public int Choices { get; }

    public double AdaptedLow { get; }

    public double AdaptedHigh { get; }

    /// <summary>True when the parameter can take only one value (it is then not modelled).</summary>
    public bool IsSingle => Kind switch
    {
        TpeKind.Categorical => Choices == 1,
        TpeKind.Discrete => LastGridIndex == 0,
        _ => Low == High,
    };

    public double Transform(double value) => Log ? Math.Log(value) : value;

    /// <summary>The internal value of a stored parameter value, or NaN when it does not belong to this parameter.</summary>
    public double ToInternal(object value)
    {
        if (Kind == TpeKind.Categorical)
        {
            var index = ((CategoricalDistribution)distribution).IndexOf(value);
            return index >= 0 ? index : double.NaN;
        }

        // Values outside the range (say, from before the space changed) are ignored; off-grid ones still inform.
        return ParameterValues.TryGetDouble(value, out var number) && number >= Low && number <= High ? number : double.NaN;
    }

    /// <summary>Maps a draw in the adapted space back to an internal value: inverse log, then onto the grid.</summary>
    public double FromAdapted(double adapted)
    {
        var value = Log ? Math.Exp(adapted) : adapted;
        if (Kind != TpeKind.Discrete)
        {
            return Math.Clamp(value, Low, High);
        }

        var k = Math.Clamp(Math.Round((value - Low) / Step), 0, LastGridIndex);
        return Low + k * Step;
    }

    /// <summary>The external value (double, long or a choice) of an internal value produced by this dimension.</summary>
    public object ToExternal(double internalValue) => distribution switch
    {
        CategoricalDistribution c => c.Choices[(int)internalValue],
        IntDistribution i => i.Low + (long)Math.Clamp(Math.Round((internalValue - i.Low) / i.Step), 0, LastGridIndex) * i.Step,
        FloatDistribution f => Math.Clamp(internalValue, f.Low, f.High),
        _ => throw new NotSupportedException($"TPE does not know the distribution type {distribution.GetType().Name}"),
    };

    /// <summary>The only value of a single-valued parameter.</summary>
    public object SingleValue() => ToExternal(Kind == TpeKind.Categorical ? 0 : Low);
}
