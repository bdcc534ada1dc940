using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class RocAucTests
{
    [Fact]
    public void Binary_CountsOrderedPairs_WithTiesAsOneHalf()
    {
        // Positives score 0.9, 0.6, 0.4; negatives 0.6, 0.3. Of the 3 × 2 pairs, the positive is above the negative in
        // (0.9, 0.6), (0.9, 0.3), (0.6, 0.3), (0.4, 0.3); (0.6, 0.6) is a tie, (0.4, 0.6) is wrong: (4 + 0.5) / 6 = 0.75.
        var auc = RocAuc.Binary([0.9, 0.6, 0.6, 0.4, 0.3], [true, true, false, true, false]);

        Assert.Equal(0.75, auc, 15);
    }

    [Fact]
    public void Binary_IsOneForAPerfectRanking_AndZeroForAReversedOne()
    {
        Assert.Equal(1.0, RocAuc.Binary([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, RocAuc.Binary([0.1, 0.2, 0.8, 0.9], [true, true, false, false]));
        Assert.Equal(0.5, RocAuc.Binary([0.5, 0.5, 0.5, 0.5], [true, false, true, false]));
    }

    [Fact]
    public void Binary_Throws_WithoutBothClasses()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Binary([0.1, 0.2], [true, true]));
    }

    [Fact]
    public void MacroOneVsRest_AveragesEachClassAgainstTheRest()
    {
        // Three rows, one of each class. Class 0's scores 0.7, 0.2, 0.1 (row 0 positive): 1. Class 1's 0.2, 0.5, 0.6
        // (row 1 positive; row 2 outranks it, row 0 does not): 0.5. Class 2's 0.1, 0.3, 0.3 (row 2 positive; ties
        // row 1, beats row 0): 0.75. Mean (1 + 0.5 + 0.75) / 3 = 0.75.
        double[] probabilities =
        [
            0.7, 0.2, 0.1,
            0.2, 0.5, 0.3,
            0.1, 0.6, 0.3,
        ];

        var auc = RocAuc.MacroOneVsRest(probabilities, [0L, 1L, 2L], 3);

        Assert.Equal(0.75, auc, 15);
    }

    [Fact]
    public void MacroOneVsRest_LeavesOutClassesWithoutRows()
    {
        double[] probabilities = [0.8, 0.1, 0.1, 0.3, 0.6, 0.1];

        // Class 2 has no rows: the mean is over classes 0 and 1, both ranked perfectly.
        Assert.Equal(1.0, RocAuc.MacroOneVsRest(probabilities, [0L, 1L], 3));
    }
}
