using Tuner.Search.Spaces;

namespace Tuner.Search.Benchmarks;

/// <summary>
/// An objective of the benchmark catalogue, minimised over <see cref="Space"/>, with its known global minimum so a
/// run's regret (best value found minus <see cref="KnownMinimum"/>) can be computed.
/// </summary>
public abstract class BenchmarkFunction
{
    /// <summary>The catalogue name, dimension suffix included (for example "rosenbrock:4").</summary>
    public abstract string Name { get; }

    /// <summary>The number of parameters of the space (conditional ones included).</summary>
    public abstract int Dims { get; }

    /// <summary>The global minimum, as precise as it is known.</summary>
    public abstract double KnownMinimum { get; }

    /// <summary>A point where the function takes <see cref="KnownMinimum"/> (to the precision the literature gives).</summary>
    public abstract IReadOnlyDictionary<string, object> KnownArgmin { get; }

    public abstract SearchSpace Space { get; }

    /// <summary>The objective at a full assignment of the active parameters of <see cref="Space"/>.</summary>
    public abstract double Evaluate(IReadOnlyDictionary<string, object> parameters);
}
