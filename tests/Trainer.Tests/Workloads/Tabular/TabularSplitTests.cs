using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class TabularSplitTests
{
    [Fact]
    public void Of_IsTheSameEveryTime_AndPartitionsTheRows()
    {
        var first = TabularSplit.Of(100, 0.2, null);
        var second = TabularSplit.Of(100, 0.2, null);

        Assert.Equal(first.Training, second.Training);
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(20, first.Validation.Length);
        Assert.Equal(Enumerable.Range(0, 100), first.Training.Concat(first.Validation).Order());
        Assert.NotEqual(Enumerable.Range(80, 20), first.Validation); // shuffled, not the tail
    }

    [Fact]
    public void Of_StratifiesByClass_AndKeepsEveryClassInTraining()
    {
        var labels = Enumerable.Repeat("a", 50).Concat(Enumerable.Repeat("b", 10)).Append("c").ToArray();

        var (training, validation) = TabularSplit.Of(labels.Length, 0.2, labels);

        Assert.Equal(10, validation.Count(row => labels[row] == "a"));
        Assert.Equal(2, validation.Count(row => labels[row] == "b"));
        Assert.Equal(0, validation.Count(row => labels[row] == "c")); // its only row stays in training
        Assert.Contains(training, row => labels[row] == "c");
    }
}
