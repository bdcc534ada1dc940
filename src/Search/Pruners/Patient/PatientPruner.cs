using static System.FormattableString;

namespace Tuner.Search.Pruners.Patient;

/// <summary>
/// Tolerates a trial until its values stop improving, after optuna/pruners/_patient.py: with its reported steps in
/// order, the best value of the last <c>patience</c> + 1 steps is compared with the best value before them (NaNs
/// ignored; best is the minimum or maximum by direction); if it is not better by more than <c>minDelta</c>
/// (minimize: bestBefore + minDelta &lt; bestRecent), the trial has stalled and the wrapped pruner decides (no
/// wrapped pruner: prune). Nothing is pruned with patience + 1 steps or fewer, or while either side is all NaN.
/// Looks at the trial's own steps in step order, so reports arriving out of order do not matter.
/// </summary>
public sealed class PatientPruner : IPruner
{
    private readonly IPruner? wrapped;

    public PatientPruner(IPruner? wrapped, int patience, double minDelta = 0)
    {
        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience, Invariant($"patience must not be negative, but got patience={patience}"));
        }

        if (!(minDelta >= 0) || double.IsInfinity(minDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, Invariant($"minDelta must be a finite number at least 0, but got minDelta={minDelta}"));
        }

        (this.wrapped, Patience, MinDelta) = (wrapped, patience, minDelta);
    }

    /// <summary>The pruner consulted once the trial stalls; null prunes at once.</summary>
    public IPruner? Wrapped => wrapped;

    public int Patience { get; }

    public double MinDelta { get; }

    public bool ShouldPrune(PruningContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Trial.IntermediateValues.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        if (values.Count <= Patience + 1)
        {
            return false;
        }

        var split = values.Count - Patience - 1;
        var maximize = context.Direction == StudyDirection.Maximize;
        var before = Best(values.Take(split), maximize);
        var recent = Best(values.Skip(split), maximize);
        var stalled = maximize ? before - MinDelta > recent : before + MinDelta < recent;
        return stalled && (wrapped?.ShouldPrune(context) ?? true);
    }

    /// <summary>numpy's nanmin/nanmax: NaNs ignored, NaN when nothing is left.</summary>
    private static double Best(IEnumerable<double> values, bool maximize)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToList();
        return finite.Count == 0 ? double.NaN : maximize ? finite.Max() : finite.Min();
    }
}
