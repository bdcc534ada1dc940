using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// The model's inputs for a row: every feature column's encoding side by side. A column is numeric or categorical as
/// the whole training file says (<see cref="ColumnTypes"/>); each encoder's statistics come from the training split's
/// rows only (<see cref="NumericColumnEncoder"/>, <see cref="CategoricalColumnEncoder"/>).
/// </summary>
public sealed class FeatureEncoder
{
    private readonly string _trainingSource;

    private FeatureEncoder(IReadOnlyList<IColumnEncoder> columns, string trainingSource)
    {
        Columns = columns;
        _trainingSource = trainingSource;
        InputNames = columns.SelectMany(c => c.InputNames).ToList();
    }

    public IReadOnlyList<IColumnEncoder> Columns { get; }

    /// <summary>The name of every input; their count is the model's input width.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>Fits an encoder for each of <paramref name="features"/> (columns of <paramref name="table"/>) on the
    /// rows at <paramref name="trainingRows"/>.</summary>
    public static FeatureEncoder Fit(CsvTable table, IReadOnlyList<int> trainingRows, IReadOnlyList<string> features)
    {
        var columns = features.Select(feature =>
        {
            var index = table.IndexOf(feature);
            if (index < 0) throw new ArgumentException($"'{feature}' is not a column of {table.Source}", nameof(features));
            var cells = trainingRows.Select(row => table.Rows[row].Cells[index]);
            return ColumnTypes.IsNumeric(table, index)
                ? (IColumnEncoder)NumericColumnEncoder.Fit(feature, cells)
                : CategoricalColumnEncoder.Fit(feature, cells);
        }).ToList();
        return new FeatureEncoder(columns, table.Source);
    }

    /// <summary>The inputs of the rows at <paramref name="rows"/> of <paramref name="table"/> (the training file or
    /// another with the same feature columns), row-major: rows × <see cref="InputNames"/>.</summary>
    public float[] Encode(CsvTable table, IReadOnlyList<int> rows)
    {
        var indices = Columns.Select(c => table.IndexOf(c.Column) is var i && i >= 0
            ? i
            : throw new WorkloadException(
                $"{table.Source}, line 1: the feature column '{c.Column}' is not in the header; the columns are {table.ColumnList}")).ToArray();
        var width = InputNames.Count;
        var inputs = new float[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = table.Rows[rows[r]];
            var offset = r * width;
            for (var c = 0; c < Columns.Count; c++)
            {
                var encoder = Columns[c];
                var cell = row.Cells[indices[c]];
                if (!encoder.TryEncode(cell, inputs.AsSpan(offset, encoder.InputNames.Count)))
                {
                    throw new WorkloadException(
                        $"{table.Source}, line {row.Line}, column '{encoder.Column}': '{cell}' is not a number, but the column is numeric in the training data ({_trainingSource})");
                }
                offset += encoder.InputNames.Count;
            }
        }
        return inputs;
    }
}
