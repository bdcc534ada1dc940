using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_ReadsQuotedCellsWithCommasDoubledQuotesAndLineBreaks()
    {
        var table = CsvParser.Parse("name,note,n\n\"Smith, J\",\"said \"\"hi\"\"\",1\nplain,\"two\nlines\",2\nlast,\"\",3\n", "t.csv");

        Assert.Equal(["name", "note", "n"], table.Header);
        Assert.Equal(["Smith, J", "said \"hi\"", "1"], table.Rows[0].Cells);
        Assert.Equal(["plain", "two\nlines", "2"], table.Rows[1].Cells);
        Assert.Equal(["last", "", "3"], table.Rows[2].Cells);
        Assert.Equal([2, 3, 5], table.Rows.Select(r => r.Line)); // the quoted line break moves the next row to line 5
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n")]
    [InlineData("a,b\n1,2\n3,4")]
    [InlineData("a,b\r1,2\r3,4\r")]
    [InlineData("\uFEFFa,b\r\n1,2\n3,4\r\n")]
    public void Parse_AcceptsCrlfLfAndCrLineEnds_AndAByteOrderMark(string text)
    {
        var table = CsvParser.Parse(text, "t.csv");

        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal([["1", "2"], ["3", "4"]], table.Rows.Select(r => r.Cells.ToArray()));
        Assert.Equal([2, 3], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_KeepsCrlfInsideAQuotedCell_AndCountsItAsOneLine()
    {
        var table = CsvParser.Parse("a,b\r\n\"x\r\ny\",1\r\nz,2\r\n", "t.csv");

        Assert.Equal("x\r\ny", table.Rows[0].Cells[0]);
        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_SkipsBlankLines_ButCountsThem()
    {
        var table = CsvParser.Parse("a,b\n\n1,2\n\n\n3,4\n\n", "t.csv");

        Assert.Equal([3, 6], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_KeepsEmptyCells()
    {
        var table = CsvParser.Parse("a,b,c\n,,\n1,,3\n", "t.csv");

        Assert.Equal([["", "", ""], ["1", "", "3"]], table.Rows.Select(r => r.Cells.ToArray()));
    }

    [Theory]
    [InlineData("", "t.csv: the file is empty; it needs a header line and at least one data row")]
    [InlineData("\n\r\n", "t.csv: the file is empty; it needs a header line and at least one data row")]
    [InlineData("a,b\n", "t.csv, line 1: the file has a header but no data rows")]
    [InlineData("a,b,c\n1,2,3\n4,5\n", "t.csv, line 3: the row has 2 cells, but the header has 3; column 'c' and any after it have no cell")]
    [InlineData("a,b\n1,2\n\n4,5,6,7\n", "t.csv, line 4: the row has 4 cells, but the header has 2; cell 3 and any after it have no column (the last column is 'b')")]
    [InlineData("a,b,a\n1,2,3\n", "t.csv, line 1: the column name 'a' appears more than once (cells 1 and 3); column names must be unique")]
    [InlineData("a,b\n1,\"open\n2,3\n", "t.csv, line 2, column 'b': the quoted cell that starts on this line is never closed")]
    [InlineData("a,b\n1,2\n\"x\"y,3\n", "t.csv, line 3, column 'a': a quoted cell must end at a comma or the end of the line, but 'y' follows its closing quote")]
    public void Parse_Throws_NamingTheFileLineAndColumn(string text, string message)
    {
        var error = Assert.Throws<WorkloadException>(() => CsvParser.Parse(text, "t.csv"));

        Assert.Equal(message, error.Message);
    }
}
