namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// Splits one file's rows into training and validation by a fixed seed that does not depend on the trial, so every
/// trial of a sweep (and every sweep over the same file and options) sees the same split. Classification splits each
/// class on its own (stratified): round(fraction × the class's rows) of them go to validation, but never all of them,
/// so every class is in the training split. Regression splits all rows as one group the same way.
/// </summary>
public static class TabularSplit
{
    public const int Seed = 20_261_205;

    /// <summary>Row indices (ascending) of the training and validation parts of <paramref name="rows"/> rows;
    /// <paramref name="strata"/> holds each row's class for a stratified split, or is null.</summary>
    public static (int[] Training, int[] Validation) Of(int rows, double fraction, IReadOnlyList<string>? strata)
    {
        if (fraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in (0, 1)");
        var groups = strata is null
            ? [Enumerable.Range(0, rows).ToArray()]
            : Enumerable.Range(0, rows).GroupBy(row => strata[row], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToList();
        var random = new Random(Seed);
        var training = new List<int>();
        var validation = new List<int>();
        foreach (var group in groups)
        {
            random.Shuffle(group);
            var count = Math.Min((int)Math.Round(group.Length * fraction, MidpointRounding.AwayFromZero), group.Length - 1);
            validation.AddRange(group[..count]);
            training.AddRange(group[count..]);
        }
        return (training.Order().ToArray(), validation.Order().ToArray());
    }
}
