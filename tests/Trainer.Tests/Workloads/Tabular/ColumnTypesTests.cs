using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class ColumnTypesTests
{
    [Theory]
    [InlineData("3", true)]
    [InlineData("-0.5", true)]
    [InlineData("1e3", true)]
    [InlineData(" 42 ", true)]
    [InlineData("1,5", false)] // not the invariant culture's decimal point
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData("1e999", false)]
    [InlineData("abc", false)]
    public void TryNumber_AcceptsFiniteInvariantCultureNumbers(string cell, bool numeric)
    {
        Assert.Equal(numeric, ColumnTypes.TryNumber(cell, out _));
    }

    [Fact]
    public void IsNumeric_IgnoresMissingCells_AndNeedsEveryOtherCellToBeANumber()
    {
        var table = CsvParser.Parse("x,y,z\n1.5,a,\n,2,\n3, ,\n", "t.csv");

        Assert.True(ColumnTypes.IsNumeric(table, 0));
        Assert.False(ColumnTypes.IsNumeric(table, 1));
        Assert.True(ColumnTypes.IsNumeric(table, 2)); // no values at all
    }

    [Theory]
    [InlineData("a,b,a,c", TabularTask.Classification)]       // text
    [InlineData("0,1,1,0", TabularTask.Classification)]       // two integers
    [InlineData("1,2.5,3,4", TabularTask.Regression)]         // not all integers
    [InlineData("1.0,2.0,,1.0", TabularTask.Classification)]  // integers written as decimals; a missing cell is not counted
    public void InferTask_FollowsTheColumnsValues(string cells, TabularTask task)
    {
        var table = CsvParser.Parse("y\n" + string.Join("\n", cells.Split(',').Select(c => c.Length == 0 ? "\"\"" : c)) + "\n", "t.csv");

        Assert.Equal(task, ColumnTypes.InferTask(table, 0));
    }

    [Theory]
    [InlineData(20, TabularTask.Classification)]
    [InlineData(21, TabularTask.Regression)]
    public void InferTask_TreatsAtMostTwentyDistinctIntegersAsClasses(int distinct, TabularTask task)
    {
        var table = CsvParser.Parse("y\n" + string.Join("\n", Enumerable.Range(0, 50).Select(i => i % distinct)) + "\n", "t.csv");

        Assert.Equal(task, ColumnTypes.InferTask(table, 0));
    }
}
