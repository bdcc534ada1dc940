using System.Globalization;
using System.Text.RegularExpressions;

namespace Tuner.Trainer.Commands;

/// <summary>
/// Katib's default metrics collector format: <c>name=value</c> pairs anywhere in a stdout line (Katib's filter
/// <c>([\w|-]+)\s*=\s*((-?\d+)(\.\d+)?)</c>, here also with a sign, an exponent and no leading digit), optionally after a
/// timestamp. <c>step</c> or <c>epoch</c> (any case) numbers the step; without one, the runner numbers it.
/// </summary>
/// <remarks>Without <paramref name="metricNames"/>, every line with a pair besides the step is one step (so
/// <c>epoch=3 loss=0.2 accuracy=0.9</c>). With them, only those names count, and a step may spread over lines as
/// Katib's examples print it (<c>loss=0.2</c>, then <c>accuracy=0.9</c>): it is complete when every name has a value
/// (a repeated name's last value wins), and a line that names none of them is the program's log.</remarks>
public sealed partial class KeyValueMetricsParser(IReadOnlyList<string>? metricNames = null)
{
    private readonly HashSet<string>? _names = metricNames is { Count: > 0 } ? new(metricNames, StringComparer.Ordinal) : null;
    private readonly Dictionary<string, double> _pending = new(StringComparer.Ordinal);
    private int? _pendingStep;

    /// <summary>The step <paramref name="line"/> completes, or null when it completes none (a log line, or part of a
    /// step still missing names). Throws <see cref="FormatException"/> for a step that is not a whole number from 1 or a
    /// value out of range.</summary>
    public ReportedMetrics? Read(string line)
    {
        var any = false;
        foreach (Match match in Pair().Matches(line))
        {
            var name = match.Groups[1].Value;
            var text = match.Groups[2].Value;
            if (name.Equals("step", StringComparison.OrdinalIgnoreCase) || name.Equals("epoch", StringComparison.OrdinalIgnoreCase))
            {
                _pendingStep = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var step) && step >= 1
                    ? step
                    : throw new FormatException($"{name}={text}: a step must be a whole number from 1");
                any = true;
                continue;
            }
            if (_names is not null && !_names.Contains(name)) continue;
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            _pending[name] = double.IsFinite(value) ? value : throw new FormatException($"{name}={text} is out of range for a number");
            any = true;
        }

        if (!any || _pending.Count == 0 || (_names is not null && _pending.Count < _names.Count)) return null;
        var reported = new ReportedMetrics(_pendingStep, new Dictionary<string, double>(_pending, StringComparer.Ordinal));
        _pending.Clear();
        _pendingStep = null;
        return reported;
    }

    [GeneratedRegex(@"([\w-]+)\s*=\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Pair();
}
