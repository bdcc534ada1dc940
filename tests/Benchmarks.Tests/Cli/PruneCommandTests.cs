using Tuner.Benchmarks.Cli;
using Tuner.Benchmarks.Pruning;
using Tuner.Search.Pruners;

namespace Tuner.Benchmarks.Tests.Cli;

public class PruneCommandTests
{
    [Fact]
    public void Prune_PrintsOneLinePerSeed_WithExactlyTheDocumentedFields()
    {
        var run = CliRun.Of("prune", "--pruner", "median", "--trials", "12", "--seeds", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Lines.Count);
        Assert.All(run.Lines, line => Assert.Equal(["pruner", "steps_used", "steps_without_pruning", "regret"], CliRun.FieldNames(line)));
        Assert.All(run.Lines, line => Assert.Equal(12 * LearningCurve.MaxSteps, line.GetProperty("steps_without_pruning").GetInt64()));
    }

    [Fact]
    public void Prune_UsesEveryStep_AndHasNoRegret_WithoutAPruner()
    {
        var run = CliRun.Of("prune", "--pruner", "none", "--trials", "10", "--seeds", "1");

        var line = Assert.Single(run.Lines);
        Assert.Equal(line.GetProperty("steps_without_pruning").GetInt64(), line.GetProperty("steps_used").GetInt64());
        Assert.Equal(0, line.GetProperty("regret").GetDouble());
    }

    [Fact]
    public void Prune_SavesSteps_AndNeverHasNegativeRegret_WithTheMedianPruner()
    {
        var run = CliRun.Of("prune", "--pruner", "median", "--trials", "30", "--seeds", "3");

        Assert.All(run.Lines, line =>
        {
            Assert.True(line.GetProperty("steps_used").GetInt64() < line.GetProperty("steps_without_pruning").GetInt64());
            Assert.True(line.GetProperty("regret").GetDouble() >= 0);
        });
    }

    [Fact]
    public void Prune_ExitsWithTwo_AndListsKnownKinds_ForAnUnknownPruner()
    {
        var run = CliRun.Of("prune", "--pruner", "oracle", "--trials", "5", "--seeds", "1");

        Assert.Equal(BenchmarkCli.UsageError, run.ExitCode);
        Assert.All(PrunerCatalog.Kinds, kind => Assert.Contains(kind, run.Error, StringComparison.Ordinal));
    }
}
