namespace Tuner.Search.Spaces;

/// <summary>
/// The range of values one parameter can take. The internal value is the double that samplers and storage work
/// with: the number itself for float and int distributions (log scales are a sampler's transform, so a value
/// round-trips exactly), and the index of the choice for categorical ones.
/// </summary>
public abstract record Distribution
{
    /// <summary>Converts an external value (double, long, or a choice) to its internal double.</summary>
    /// <exception cref="ArgumentException">The value has the wrong type for this distribution.</exception>
    public abstract double ToInternal(object value);

    /// <summary>Converts an internal double back to the external value (double, long, or a choice).</summary>
    public abstract object ToExternal(double internalValue);

    /// <summary>Whether the value is one this distribution can produce (inside bounds, on the step grid, a choice).</summary>
    public abstract bool Contains(object value);

    /// <summary>The problems with this distribution's settings; empty when it is valid.</summary>
    public abstract IReadOnlyList<string> Validate();
}
