namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// A categorical column, one-hot over the categories the training split holds (in ordinal order). A missing cell is a
/// category of its own, "" (its input is named "column=(missing)"). A category the training split lacks, such as one
/// that only validation rows have, encodes as all zeros.
/// </summary>
public sealed class CategoricalColumnEncoder : IColumnEncoder
{
    private readonly Dictionary<string, int> _slots;

    private CategoricalColumnEncoder(string column, IReadOnlyList<string> categories)
    {
        Column = column;
        Categories = categories;
        _slots = categories.Select((category, slot) => (category, slot)).ToDictionary(c => c.category, c => c.slot, StringComparer.Ordinal);
        InputNames = categories.Select(c => $"{column}={(c.Length == 0 ? "(missing)" : c)}").ToList();
    }

    public string Column { get; }

    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The training split's categories, "" standing for a missing cell.</summary>
    public IReadOnlyList<string> Categories { get; }

    public static CategoricalColumnEncoder Fit(string column, IEnumerable<string> trainingCells) =>
        new(column, trainingCells.Select(Category).Distinct().Order(StringComparer.Ordinal).ToList());

    public bool TryEncode(string cell, Span<float> destination)
    {
        destination[..InputNames.Count].Clear();
        if (_slots.TryGetValue(Category(cell), out var slot)) destination[slot] = 1f;
        return true;
    }

    private static string Category(string cell) => ColumnTypes.IsMissing(cell) ? "" : cell;
}
