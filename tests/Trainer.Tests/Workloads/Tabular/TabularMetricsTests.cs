using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class TabularMetricsTests
{
    [Fact]
    public void Classification_ReportsAccuracyAucAndLogLoss_AsValLossToo()
    {
        double[] probabilities = [0.8, 0.2, 0.4, 0.6, 0.7, 0.3, 0.1, 0.9]; // rows × 2 classes
        long[] labels = [0, 1, 1, 1];

        var metrics = TabularMetrics.Classification(probabilities.Select(p => Math.Log(p)).ToArray(), labels, 2);

        Assert.Equal(["val_accuracy", "val_auc", "val_log_loss", "val_loss"], metrics.Keys.Order());
        Assert.Equal(0.75, metrics["val_accuracy"]); // row 2 predicts class 0
        Assert.Equal(1.0, metrics["val_auc"], 12);   // class 1's probabilities 0.6, 0.3, 0.9 all above row 0's 0.2
        var logLoss = -(Math.Log(0.8) + Math.Log(0.6) + Math.Log(0.3) + Math.Log(0.9)) / 4;
        Assert.Equal(logLoss, metrics["val_log_loss"], 12);
        Assert.Equal(metrics["val_log_loss"], metrics["val_loss"]);
    }

    [Fact]
    public void Regression_ReportsRmseAndMaeInTargetUnits_AndValLossInStandardizedUnits()
    {
        var metrics = TabularMetrics.Regression([1.0, 2.0, 6.0], [2.0, 2.0, 3.0], scale: 2.0);

        Assert.Equal(["val_loss", "val_mae", "val_rmse"], metrics.Keys.Order());
        Assert.Equal(Math.Sqrt(10.0 / 3), metrics["val_rmse"], 12); // errors -1, 0, 3
        Assert.Equal(4.0 / 3, metrics["val_mae"], 12);
        Assert.Equal(10.0 / 3 / 4, metrics["val_loss"], 12);
    }
}
