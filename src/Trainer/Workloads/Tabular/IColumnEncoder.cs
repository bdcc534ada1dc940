namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>Turns the cells of one feature column into model inputs, with statistics fitted on the training split
/// only, so validation and test rows are encoded exactly as a new row would be.</summary>
public interface IColumnEncoder
{
    /// <summary>The column's name in the header.</summary>
    string Column { get; }

    /// <summary>A name for each input the column becomes, in order (their count is the encoding's width).</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>Writes the inputs of <paramref name="cell"/> to <paramref name="destination"/> (as wide as
    /// <see cref="InputNames"/>); false when the cell cannot be encoded (text in a numeric column).</summary>
    bool TryEncode(string cell, Span<float> destination);
}
