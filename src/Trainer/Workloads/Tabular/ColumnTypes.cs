using System.Globalization;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// How tabular-mlp reads cells and columns. A cell is missing when it is empty (or only white space). A column is
/// numeric when every cell that is not missing parses as a finite <see cref="double"/> with the invariant culture
/// ("3", "-0.5", "1e3"; not "1,5" or "NaN"); any other column is categorical.
/// </summary>
public static class ColumnTypes
{
    /// <summary>A numeric target is a class label when it has at most this many distinct values, all integers.</summary>
    public const int MaxClassesOfNumericTarget = 20;

    public static bool IsMissing(string cell) => string.IsNullOrWhiteSpace(cell);

    public static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Whether every cell of <paramref name="column"/> in <paramref name="table"/> is a number or missing.</summary>
    public static bool IsNumeric(CsvTable table, int column) =>
        table.Rows.All(row => IsMissing(row.Cells[column]) || TryNumber(row.Cells[column], out _));

    /// <summary>
    /// The task a target column implies when the sweep does not say: regression for a numeric column, unless its
    /// values are all integers with at most <see cref="MaxClassesOfNumericTarget"/> distinct ones (labels such as
    /// 0/1 or 1–5); classification for any other column. Missing cells are not counted.
    /// </summary>
    public static TabularTask InferTask(CsvTable table, int target)
    {
        if (!IsNumeric(table, target)) return TabularTask.Classification;
        var values = table.Rows.Select(row => row.Cells[target]).Where(cell => !IsMissing(cell))
            .Select(cell => TryNumber(cell, out var value) ? value : double.NaN).ToList();
        var integers = values.All(v => v == Math.Floor(v));
        return integers && values.Distinct().Count() <= MaxClassesOfNumericTarget ? TabularTask.Classification : TabularTask.Regression;
    }
}
