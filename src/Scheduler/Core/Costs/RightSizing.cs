using System.Globalization;

namespace Tuner.Core.Costs;

/// <summary>
/// Which machine type a pool launches first, from what the sweep measured rather than from hourly prices: a type is
/// measured once the sweep's runs trained <see cref="MeasuredAfterEpochs"/> epochs on it. Types not yet measured come
/// first, in the pool's order, so that each gets measured; then measured types by cost per epoch, cheapest first, among
/// those that finish the remaining work before the deadline (at the pool's machine count), then those that would not,
/// fastest first. With one type, or nothing measured, the pool's own order stands.
/// </summary>
public static class RightSizing
{
    public const int MeasuredAfterEpochs = 3;

    /// <param name="types">The pool's types, in the definition's order of preference.</param>
    /// <param name="measured">The sweep's measurements per type.</param>
    /// <param name="timeLeft">Until the sweep's deadline; null without one.</param>
    /// <param name="remainingEpochs">Epochs the sweep still has to train (its remaining trials at the epochs a trial has
    /// run so far on average).</param>
    /// <param name="machines">Machines the pool may run at once.</param>
    public static TypeChoice Choose(IReadOnlyList<string> types, IReadOnlyList<TypeMeasurement> measured, TimeSpan? timeLeft, double remainingEpochs, int machines)
    {
        var known = measured.Where(m => m.Epochs >= MeasuredAfterEpochs && types.Contains(m.InstanceType)).ToDictionary(m => m.InstanceType);
        if (types.Count < 2 || known.Count == 0) return new TypeChoice(types, null);

        bool MeetsDeadline(TypeMeasurement m) =>
            timeLeft is not { } left || remainingEpochs * m.SecondsPerEpoch / Math.Max(1, machines) <= left.TotalSeconds;

        var unmeasured = types.Where(t => !known.ContainsKey(t)).ToList();
        var inTime = known.Values.Where(MeetsDeadline).OrderBy(m => m.UsdPerEpoch).ThenBy(m => types.ToList().IndexOf(m.InstanceType)).ToList();
        var late = known.Values.Where(m => !MeetsDeadline(m)).OrderBy(m => m.SecondsPerEpoch).ToList();
        var order = unmeasured.Concat(inTime.Select(m => m.InstanceType)).Concat(late.Select(m => m.InstanceType)).ToList();

        var why = new List<string>
        {
            "instance types by measured cost per epoch: " + string.Join(", ", known.Values.OrderBy(m => m.UsdPerEpoch).Select(Describe)),
        };
        if (unmeasured.Count > 0) why.Add($"not yet measured, tried first: {string.Join(", ", unmeasured)}");
        foreach (var m in late)
        {
            var needs = TimeSpan.FromSeconds(remainingEpochs * m.SecondsPerEpoch / Math.Max(1, machines));
            why.Add($"{m.InstanceType} would miss the deadline (about {Hours(needs)} of work left on {machines} machines, {Hours(timeLeft!.Value)} until the deadline)");
        }

        why.Add($"launching {order[0]} first");
        return new TypeChoice(order, string.Join("; ", why));
    }

    private static string Describe(TypeMeasurement m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.InstanceType} ${m.UsdPerEpoch:0.######}/epoch ({m.SecondsPerEpoch:0.#} s/epoch over {m.Epochs} epochs)");

    private static string Hours(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : $"{Math.Ceiling(t.TotalMinutes)}m";
}
