using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Samplers.Tpe;

/// <summary>Search spaces and objectives shared by the TPE tests.</summary>
internal static class TpeSpaces
{
    /// <summary>Every kind of parameter: log float and int, stepped float (High off the grid) and int, categoricals of mixed types, single values, nested conditions.</summary>
    public static readonly SearchSpace Mixed = SearchSpace.Create(
    [
        new("lr", new FloatDistribution(1e-5, 1e-1, Log: true)),
        new("units", new IntDistribution(16, 512, Log: true)),
        new("layers", new IntDistribution(1, 10, Step: 2)),
        new("dropout", new FloatDistribution(0, 1, Step: 0.3)),
        new("optimizer", new CategoricalDistribution(["adam", "sgd", "rmsprop"])),
        new("momentum", new FloatDistribution(0.5, 0.99), new("optimizer", ["sgd"])),
        new("schedule", new CategoricalDistribution(["constant", "step"]), new("optimizer", ["sgd", "rmsprop"])),
        new("step_size", new IntDistribution(1, 10), new("schedule", ["step"])),
        new("batch", new CategoricalDistribution([32, 64, 128.0, true])),
        new("fixed", new FloatDistribution(1, 1)),
        new("only", new CategoricalDistribution(["one"])),
    ]);

    public static readonly SearchSpace Branin = SearchSpace.Create(
    [
        new("x1", new FloatDistribution(-5, 10)),
        new("x2", new FloatDistribution(0, 15)),
    ]);

    /// <summary>Branin-Hoo; its minimum is 0.397887.</summary>
    public static double BraninValue(IReadOnlyDictionary<string, object> p)
    {
        var (x1, x2) = ((double)p["x1"], (double)p["x2"]);
        var b = 5.1 / (4 * Math.PI * Math.PI);
        var c = 5 / Math.PI;
        var t = 1 / (8 * Math.PI);
        var y = x2 - b * x1 * x1 + c * x1 - 6;
        return y * y + 10 * (1 - t) * Math.Cos(x1) + 10;
    }

    /// <summary>A smooth objective over <see cref="Mixed"/> that depends on every active parameter.</summary>
    public static double MixedValue(IReadOnlyDictionary<string, object> p)
    {
        var value = Math.Pow(Math.Log10((double)p["lr"]) + 3, 2) + Math.Abs(Math.Log2((long)p["units"]) - 7) + (long)p["layers"] * 0.1;
        value += (double)p["dropout"] + ((string)p["optimizer"] == "adam" ? 0.5 : 0);
        if (p.TryGetValue("momentum", out var momentum))
        {
            value += Math.Abs((double)momentum - 0.9);
        }

        if (p.TryGetValue("step_size", out var stepSize))
        {
            value += Math.Abs((long)stepSize - 3) * 0.2;
        }

        return value;
    }
}
