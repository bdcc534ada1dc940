using Tuner.Benchmarks.Cli;

namespace Tuner.Benchmarks.Tests.Cli;

/// <summary>The command's refusals, which all come before anything trains.</summary>
public class CheckpointCompressionCommandTests
{
    [Fact]
    public void CheckpointCompression_ExitsWithTwo_AndListsTheWorkloads_ForAnUnknownWorkload()
    {
        var run = CliRun.Of("checkpoint-compression", "--workload", "resnet");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("--workload must be one of mnist-mlp, fashion-mnist-cnn, all, but got 'resnet'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1, but got 0")]
    [InlineData("--train-samples", "0", "--train-samples must be at least 1, but got 0")]
    [InlineData("--train-samples", "60000", "--train-samples must be at most 54000, but got 60000")]
    public void CheckpointCompression_ExitsWithTwo_ForACountOutOfRange(string option, string value, string message)
    {
        var run = CliRun.Of("checkpoint-compression", "--workload", "mnist-mlp", option, value);

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointCompression_ExitsWithThree_SayingWhatToRun_WhenTheDataIsMissing()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"no-data-{Guid.NewGuid():N}");

        var run = CliRun.Of("checkpoint-compression", "--workload", "mnist-mlp", "--data", empty);

        Assert.Equal(BenchmarkCli.MissingPrerequisite, run.ExitCode);
        Assert.Empty(run.Lines);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mnist-mlp: MNIST is missing from {empty} (", line, StringComparison.Ordinal);
        Assert.Contains($"worker-memory --trials 1 --train-samples 64 --data {empty}`", line, StringComparison.Ordinal);
    }
}
