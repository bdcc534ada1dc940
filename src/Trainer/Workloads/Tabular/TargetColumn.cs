using System.Globalization;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>Reads the target column of a file: class labels for classification, numbers for regression. Every row
/// needs a target; a numeric target's labels are written canonically ("1.0" and "1" are one class).</summary>
/// <param name="Numeric">Whether the training file's target column is numeric (<see cref="ColumnTypes.IsNumeric"/>).</param>
public sealed record TargetColumn(string Name, TabularTask Task, bool Numeric)
{
    /// <summary>The column's index in <paramref name="table"/>; throws when the header lacks it.</summary>
    public int IndexIn(CsvTable table) => table.IndexOf(Name) is var index && index >= 0
        ? index
        : throw new WorkloadException($"{table.Source}, line 1: the target column '{Name}' is not in the header; the columns are {table.ColumnList}");

    /// <summary>The class label of every row of <paramref name="table"/>.</summary>
    public string[] Labels(CsvTable table)
    {
        var index = IndexIn(table);
        return table.Rows.Select(row =>
        {
            var cell = Cell(table, row, index);
            return Numeric && ColumnTypes.TryNumber(cell, out var value) ? value.ToString("R", CultureInfo.InvariantCulture) : cell;
        }).ToArray();
    }

    /// <summary>The number of every row of <paramref name="table"/>.</summary>
    public double[] Values(CsvTable table)
    {
        var index = IndexIn(table);
        return table.Rows.Select(row => ColumnTypes.TryNumber(Cell(table, row, index), out var value)
            ? value
            : throw new WorkloadException(
                $"{table.Source}, line {row.Line}, column '{Name}': '{row.Cells[index]}' is not a number, but a regression target must be numeric")).ToArray();
    }

    /// <summary>Orders class labels: numerically for a numeric target, else ordinally.</summary>
    public IReadOnlyList<string> Order(IEnumerable<string> labels) => Numeric
        ? labels.OrderBy(label => double.Parse(label, CultureInfo.InvariantCulture)).ToList()
        : labels.Order(StringComparer.Ordinal).ToList();

    private string Cell(CsvTable table, CsvRow row, int index) => ColumnTypes.IsMissing(row.Cells[index])
        ? throw new WorkloadException($"{table.Source}, line {row.Line}, column '{Name}': the target cell is empty; every row needs a target value")
        : row.Cells[index];
}
