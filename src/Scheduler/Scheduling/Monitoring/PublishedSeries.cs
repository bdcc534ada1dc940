using Prometheus;

namespace Tuner.Scheduling.Monitoring;

/// <summary>
/// One metric's series as a scrape read them from the database: <see cref="Publish"/> sets every series it is given and
/// removes those a previous scrape published that it is not given, so a pool or sweep that is gone stops being exported
/// instead of repeating its last value. <see cref="Clear"/> removes them all (the database did not answer).
/// </summary>
/// <param name="set">How a value reaches a series: Set for a gauge, IncTo for a counter read as a total.</param>
internal sealed class PublishedSeries<TChild>(Collector<TChild> collector, Action<TChild, double> set)
    where TChild : ChildBase
{
    private Dictionary<string, string[]> _published = [];

    public static PublishedSeries<Gauge.Child> Of(Gauge gauge) => new(gauge, (series, value) => series.Set(value));

    /// <summary>A counter whose value is a total kept in the database (never reset by a restart of this process).</summary>
    public static PublishedSeries<Counter.Child> Of(Counter counter) => new(counter, (series, value) => series.IncTo(value));

    /// <param name="values">Each series' label values (in the metric's label order) and its value.</param>
    public void Publish(IEnumerable<(string[] Labels, double Value)> values)
    {
        var now = new Dictionary<string, string[]>();
        foreach (var (labels, value) in values)
        {
            set(collector.WithLabels(labels), value);
            now[Key(labels)] = labels;
        }

        foreach (var (key, labels) in _published)
        {
            if (!now.ContainsKey(key)) collector.RemoveLabelled(labels);
        }

        _published = now;
    }

    public void Clear() => Publish([]);

    private static string Key(string[] labels) => string.Join('\u001f', labels);
}
