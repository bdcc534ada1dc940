using System.Globalization;
using Tuner.Search.Spaces;

namespace Tuner.Search.Benchmarks;

/// <summary>
/// A function of D real variables on a box, one float parameter per coordinate named x0, x1, …, x{D-1} (the Optuna
/// side-by-side script uses the same names).
/// </summary>
public abstract class ContinuousFunction : BenchmarkFunction
{
    private readonly double[] argmin;

    protected ContinuousFunction(string name, IReadOnlyList<FloatDistribution> domain, double knownMinimum, double[] argmin)
    {
        if (argmin.Length != domain.Count)
        {
            throw new ArgumentException($"argmin must have one coordinate per dimension, but got {argmin.Length} for {domain.Count} dimensions", nameof(argmin));
        }

        Name = name;
        Domain = domain;
        KnownMinimum = knownMinimum;
        this.argmin = argmin;
        Space = SearchSpace.Create(domain.Select((d, i) => new ParameterSpec(ParameterName(i), d)).ToList());
    }

    public override string Name { get; }

    public override int Dims => Domain.Count;

    public override double KnownMinimum { get; }

    public override SearchSpace Space { get; }

    /// <summary>The box: the interval of each coordinate.</summary>
    public IReadOnlyList<FloatDistribution> Domain { get; }

    public override IReadOnlyDictionary<string, object> KnownArgmin =>
        argmin.Select((x, i) => (Name: ParameterName(i), Value: (object)x)).ToDictionary(p => p.Name, p => p.Value);

    public static string ParameterName(int index) => "x" + index.ToString(CultureInfo.InvariantCulture);

    public override double Evaluate(IReadOnlyDictionary<string, object> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var x = new double[Dims];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Convert.ToDouble(parameters[ParameterName(i)], CultureInfo.InvariantCulture);
        }

        return Evaluate(x);
    }

    /// <summary>The function at a point of the box.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> x);

    /// <summary>D copies of the interval [low, high].</summary>
    protected static IReadOnlyList<FloatDistribution> Cube(int dims, double low, double high) =>
        Enumerable.Repeat(new FloatDistribution(low, high), dims).ToList();
}
