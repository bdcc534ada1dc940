namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>A CSV file as text cells: its header and its data rows, each with the line it starts on.</summary>
/// <param name="Source">The file as error messages name it: a full local path or an <c>s3://bucket/key</c> URI.</param>
/// <param name="Header">The column names of line 1, each unique.</param>
/// <param name="Rows">The data rows in file order; every row has exactly <c>Header.Count</c> cells.</param>
public sealed record CsvTable(string Source, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows)
{
    /// <summary>The index of <paramref name="column"/> in <see cref="Header"/>, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
            if (Header[i] == column) return i;
        return -1;
    }

    /// <summary>The header's names for messages: "a, b, c".</summary>
    public string ColumnList => string.Join(", ", Header);
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">The 1-based line of the file the row starts on (the header is line 1).</param>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);
