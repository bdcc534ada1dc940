using Tuner.Trainer.Workloads;

namespace Tuner.Trainer.Tests.Workloads;

public sealed class BuiltInWorkloadsTests
{
    [Fact]
    public void Find_ReturnsMnistMlp_WithItsParameters()
    {
        var workload = BuiltInWorkloads.Find("mnist-mlp");

        Assert.NotNull(workload);
        Assert.Contains("mnist-mlp", BuiltInWorkloads.Kinds);
        Assert.Equal(
            ["learning_rate", "batch_size", "hidden_units", "hidden_layers", "dropout", "optimizer", "momentum", "weight_decay"],
            workload.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Find_ReturnsNull_ForAnUnknownKind()
    {
        Assert.Null(BuiltInWorkloads.Find("imagenet-resnet"));
    }
}
