using Tuner.Benchmarks.Cli;
using Tuner.TestSupport;

namespace Tuner.Benchmarks.Tests.Cli;

public class WorkerMemoryCommandTests
{
    [Fact]
    public void WorkerMemory_TrainsTheTrialsAndPrintsOneLine_WithExactlyTheDocumentedFields()
    {
        var run = CliRun.Of("worker-memory", "--trials", "2", "--train-samples", "256", "--data", RepositoryPaths.MnistDirectory);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal(
            ["trials", "train_samples", "epochs", "rss_after_first_mib", "peak_after_first_mib", "peak_mib", "rss_after_last_mib",
             "last_over_first_peak", "seconds", "cpu_seconds"],
            CliRun.FieldNames(line));
        Assert.Equal((2, 256, 1), (line.GetProperty("trials").GetInt32(), line.GetProperty("train_samples").GetInt32(), line.GetProperty("epochs").GetInt32()));
        Assert.True(line.GetProperty("rss_after_last_mib").GetDouble() > 0);
        Assert.Contains("trial 2/2 (", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerMemory_ExitsWithTwo_WhenMoreTrainingSamplesAreAskedForThanTheWorkloadHas()
    {
        var run = CliRun.Of("worker-memory", "--train-samples", "60000");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Contains("--train-samples must be at most 54000, but got 60000", run.Error, StringComparison.Ordinal);
    }
}
