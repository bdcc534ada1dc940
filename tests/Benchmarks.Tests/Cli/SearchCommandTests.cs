using Tuner.Benchmarks.Cli;
using Tuner.Benchmarks.Samplers;
using Tuner.Search.Samplers;

namespace Tuner.Benchmarks.Tests.Cli;

public class SearchCommandTests
{
    [Fact]
    public void Search_PrintsOneLinePerSeed_WithExactlyTheDocumentedFields()
    {
        var run = CliRun.Of("search", "--function", "branin", "--sampler", "random", "--trials", "8", "--seeds", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, run.Lines.Count);
        Assert.All(run.Lines, line => Assert.Equal(
            ["function", "dims", "sampler", "trials", "seed", "best", "regret", "ask_ms_median", "ask_ms_p99"], CliRun.FieldNames(line)));
        Assert.Equal([0, 1, 2], run.Lines.Select(l => l.GetProperty("seed").GetInt32()));
    }

    [Fact]
    public void Search_ReportsRegretAsBestMinusTheKnownMinimum()
    {
        var run = CliRun.Of("search", "--function", "hartmann3", "--sampler", "random", "--trials", "5", "--seeds", "1");

        var line = Assert.Single(run.Lines);
        Assert.Equal("hartmann3", line.GetProperty("function").GetString());
        Assert.Equal(3, line.GetProperty("dims").GetInt32());
        Assert.Equal("random", line.GetProperty("sampler").GetString());
        Assert.Equal(5, line.GetProperty("trials").GetInt32());
        Assert.Equal(line.GetProperty("best").GetDouble() + 3.86278214782076, line.GetProperty("regret").GetDouble(), 1e-12);
        Assert.True(line.GetProperty("regret").GetDouble() >= 0);
        Assert.True(line.GetProperty("ask_ms_p99").GetDouble() >= line.GetProperty("ask_ms_median").GetDouble());
    }

    [Fact]
    public void Search_GivesTheSameBest_ForTheSameSeed()
    {
        var first = CliRun.Of("search", "--function", "mixed", "--sampler", "random", "--trials", "6", "--seeds", "2");
        var second = CliRun.Of("search", "--function", "mixed", "--sampler", "random", "--trials", "6", "--seeds", "2");

        Assert.Equal(first.Lines.Select(l => l.GetProperty("best").GetDouble()), second.Lines.Select(l => l.GetProperty("best").GetDouble()));
    }

    [Fact]
    public void Search_ExitsWithTwo_AndListsKnownKinds_ForAnUnknownSampler()
    {
        var run = CliRun.Of("search", "--function", "branin", "--sampler", "annealing", "--trials", "3", "--seeds", "1");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Empty(run.Lines);
        Assert.Contains("'annealing'", run.Error, StringComparison.Ordinal);
        Assert.All(SamplerCatalog.Kinds, kind => Assert.Contains(kind, run.Error, StringComparison.Ordinal));
        Assert.Contains("default", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ExitsWithTwo_ForAnUnknownFunction()
    {
        var run = CliRun.Of("search", "--function", "sphere:3", "--sampler", "random");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Contains("rosenbrock:D", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ExitsWithTwo_WhenTrialsIsNotPositive()
    {
        var run = CliRun.Of("search", "--function", "branin", "--sampler", "random", "--trials", "0");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.Contains("--trials must be at least 1, but got 0", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_RunsTheDefaultSampler_AsTheCataloguesAutoKind()
    {
        var run = CliRun.Of("search", "--function", "six_hump_camel", "--sampler", "default", "--trials", "3", "--seeds", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("default", Assert.Single(run.Lines).GetProperty("sampler").GetString());
        Assert.Equal("auto", SamplerFactory.Resolve("default"));
        Assert.Empty(run.Error);
    }
}
