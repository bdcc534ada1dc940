using System.Text;
using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// Reads CSV text into a <see cref="CsvTable"/>: comma-separated cells, a header on line 1, LF, CRLF or CR line ends,
/// cells quoted with <c>"</c> that may hold commas, line breaks and doubled quotes (<c>""</c>), a UTF-8 byte order mark
/// skipped, blank lines skipped. A <c>"</c> inside an unquoted cell is kept as text.
/// </summary>
/// <remarks>Written here rather than taken from a package: this subset of RFC 4180 is about a hundred lines, and
/// errors must name the exact line a row starts on (quoted cells can span lines), which general-purpose readers do
/// not all report. Bad input throws a <see cref="WorkloadException"/> whose message starts with
/// "&lt;file&gt;, line N".</remarks>
public static class CsvParser
{
    public static CsvTable Parse(string text, string source)
    {
        var records = ReadRecords(text, source);
        if (records.Count == 0) throw new WorkloadException($"{source}: the file is empty; it needs a header line and at least one data row");
        var header = records[0].Cells;
        CheckHeader(header, records[0].Line, source);
        if (records.Count == 1) throw new WorkloadException($"{source}, line {records[0].Line}: the file has a header but no data rows");
        foreach (var row in records.Skip(1))
        {
            if (row.Cells.Count < header.Count)
            {
                throw new WorkloadException(
                    $"{source}, line {row.Line}: the row has {Cells(row.Cells.Count)}, but the header has {header.Count}; " +
                    $"column '{header[row.Cells.Count]}' and any after it have no cell");
            }
            if (row.Cells.Count > header.Count)
            {
                throw new WorkloadException(
                    $"{source}, line {row.Line}: the row has {Cells(row.Cells.Count)}, but the header has {header.Count}; " +
                    $"cell {header.Count + 1} and any after it have no column (the last column is '{header[^1]}')");
            }
        }
        return new CsvTable(source, header, records.GetRange(1, records.Count - 1));
    }

    private static string Cells(int count) => count == 1 ? "1 cell" : $"{count} cells";

    private static void CheckHeader(IReadOnlyList<string> header, int line, string source)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (first.TryAdd(header[i], i)) continue;
            throw new WorkloadException(
                $"{source}, line {line}: the column name '{header[i]}' appears more than once (cells {first[header[i]] + 1} and {i + 1}); column names must be unique");
        }
    }

    private static List<CsvRow> ReadRecords(string text, string source)
    {
        var records = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, recordLine, quoteLine) = (1, 1, 1);
        var (inQuotes, quoted, afterQuote) = (false, false, false);
        IReadOnlyList<string>? header = null;
        string Column() => header is not null && cells.Count < header.Count ? $"column '{header[cells.Count]}'" : $"cell {cells.Count + 1}";

        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    (inQuotes, afterQuote) = (false, true);
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) line++;
                    cell.Append(c);
                }
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                (cell.Length, quoted, afterQuote) = (0, false, false);
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (cells.Count > 0 || cell.Length > 0 || quoted)
                {
                    cells.Add(cell.ToString());
                    records.Add(new CsvRow(recordLine, cells.ToArray()));
                    header ??= records[0].Cells;
                }
                cells.Clear();
                (cell.Length, quoted, afterQuote) = (0, false, false);
                recordLine = ++line;
            }
            else if (afterQuote)
            {
                throw new WorkloadException(
                    $"{source}, line {line}, {Column()}: a quoted cell must end at a comma or the end of the line, but '{c}' follows its closing quote");
            }
            else if (c == '"' && cell.Length == 0)
            {
                (inQuotes, quoted, quoteLine) = (true, true, line);
            }
            else
            {
                cell.Append(c);
            }
        }
        if (inQuotes) throw new WorkloadException($"{source}, line {quoteLine}, {Column()}: the quoted cell that starts on this line is never closed");
        if (cells.Count > 0 || cell.Length > 0 || quoted)
        {
            cells.Add(cell.ToString());
            records.Add(new CsvRow(recordLine, cells.ToArray()));
        }
        return records;
    }
}
