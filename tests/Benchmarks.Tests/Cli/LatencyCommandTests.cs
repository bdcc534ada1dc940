using Tuner.Benchmarks.Cli;

namespace Tuner.Benchmarks.Tests.Cli;

public class LatencyCommandTests
{
    [Fact]
    public void Latency_PrintsOneLine_WithExactlyTheDocumentedFields()
    {
        var run = CliRun.Of("latency", "--sampler", "random", "--dims", "4", "--history", "20");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal(["sampler", "dims", "history", "ask_ms_median", "ask_ms_p99"], CliRun.FieldNames(line));
        Assert.Equal(4, line.GetProperty("dims").GetInt32());
        Assert.Equal(20, line.GetProperty("history").GetInt32());
    }

    [Fact]
    public void Latency_ExitsWithTwo_ForAnUnknownSampler()
    {
        var run = CliRun.Of("latency", "--sampler", "bogus", "--dims", "2", "--history", "5");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Contains("sampler kind must be one of", run.Error, StringComparison.Ordinal);
    }
}
