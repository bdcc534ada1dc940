using Tuner.Search.Spaces;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>{ type: int, low, high, log, step }</c>.</summary>
internal static class IntParameterReader
{
    public static IntDistribution? Read(MappingReader entry, List<ParameterValue> values)
    {
        var low = entry.Integer("low", required: true);
        var high = entry.Integer("high", required: true);
        var log = entry.Boolean("log") ?? false;
        var step = entry.Integer("step", required: false);
        var before = entry.Problems.Count;

        if (low is { } l && high is { } h)
        {
            values.Add(new ParameterValue(l, entry.PathOf("low"), entry.Find("low")!));
            values.Add(new ParameterValue(h, entry.PathOf("high"), entry.Find("high")!));
            if (l >= h) FloatParameterReader.Report(entry, "low", $"low must be less than high, but got low={l}, high={h}");
            if (log && l <= 0) FloatParameterReader.Report(entry, "low", $"low must be at least 1 when log is true, but got low={l}");
        }

        if (step is < 1) FloatParameterReader.Report(entry, "step", $"step must be at least 1, but got step={step}");
        if (step is not null and not 1 && log) FloatParameterReader.Report(entry, "step", "step cannot be combined with log: true");

        var valid = low is not null && high is not null && entry.Problems.Count == before;
        return valid ? new IntDistribution(low!.Value, high!.Value, log, step ?? 1) : null;
    }
}
