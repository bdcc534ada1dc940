using Tuner.Search.Spaces;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>{ type: float, low, high, log, step }</c>.</summary>
internal static class FloatParameterReader
{
    public static FloatDistribution? Read(MappingReader entry, List<ParameterValue> values)
    {
        var low = entry.Number("low", required: true);
        var high = entry.Number("high", required: true);
        var log = entry.Boolean("log") ?? false;
        var step = entry.Number("step", required: false);
        var before = entry.Problems.Count;

        if (low is { } l && high is { } h)
        {
            values.Add(new ParameterValue(l, entry.PathOf("low"), entry.Find("low")!));
            values.Add(new ParameterValue(h, entry.PathOf("high"), entry.Find("high")!));
            if (l >= h) Report(entry, "low", $"low must be less than high, but got low={Text(entry, "low")}, high={Text(entry, "high")}");
            if (log && l <= 0) Report(entry, "low", $"low must be greater than 0 when log is true, but got low={Text(entry, "low")}");
        }

        if (step is <= 0) Report(entry, "step", $"step must be greater than 0, but got step={Text(entry, "step")}");
        if (step is not null && log) Report(entry, "step", "step cannot be combined with log: true");

        var valid = low is not null && high is not null && entry.Problems.Count == before;
        return valid ? new FloatDistribution(low!.Value, high!.Value, log, step) : null;
    }

    internal static void Report(MappingReader entry, string key, string message) =>
        entry.Problems.Add(entry.PathOf(key), message, entry.Find(key));

    internal static string Text(MappingReader entry, string key) => ScalarValues.Text(entry.Find(key)!);
}
