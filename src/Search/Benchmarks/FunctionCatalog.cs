using System.Globalization;

namespace Tuner.Search.Benchmarks;

/// <summary>
/// The benchmark functions by name: fixed-dimension ones by their name, the others as "name:D" (for example
/// "rosenbrock:4"). See bench/README.md for domains and minima.
/// </summary>
public static class FunctionCatalog
{
    private const int MaxDims = 1000;

    private static readonly Dictionary<string, Func<BenchmarkFunction>> Fixed = new(StringComparer.Ordinal)
    {
        ["branin"] = () => new Branin(),
        ["hartmann3"] = Hartmann.Three,
        ["hartmann6"] = Hartmann.Six,
        ["six_hump_camel"] = () => new SixHumpCamel(),
        ["mixed"] = () => new MixedFunction(),
    };

    private static readonly Dictionary<string, (int MinDims, Func<int, BenchmarkFunction> Create)> Scalable = new(StringComparer.Ordinal)
    {
        ["rosenbrock"] = (2, d => new Rosenbrock(d)),
        ["styblinski_tang"] = (1, d => new StyblinskiTang(d)),
        ["ackley"] = (1, d => new Ackley(d)),
        ["levy"] = (1, d => new Levy(d)),
        ["griewank"] = (1, d => new Griewank(d)),
    };

    /// <summary>The names the catalogue accepts, with ":D" where a dimension is required.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Fixed.Keys, .. Scalable.Keys.Select(k => k + ":D")];

    /// <exception cref="ArgumentException">The name is not in the catalogue or its dimension is out of range.</exception>
    public static BenchmarkFunction Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Fixed.TryGetValue(name, out var create))
        {
            return create();
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var baseName = colon < 0 ? name : name[..colon];
        if (!Scalable.TryGetValue(baseName, out var scalable))
        {
            throw new ArgumentException($"function must be one of {string.Join(", ", Names)}, but got '{name}'");
        }

        var suffix = colon < 0 ? "" : name[(colon + 1)..];
        if (!int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var dims) || dims < scalable.MinDims || dims > MaxDims)
        {
            throw new ArgumentException(
                $"function '{baseName}' needs a dimension between {scalable.MinDims} and {MaxDims} as '{baseName}:D', but got '{name}'");
        }

        return scalable.Create(dims);
    }
}
