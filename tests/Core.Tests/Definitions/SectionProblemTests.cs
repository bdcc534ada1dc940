using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

public sealed class SectionProblemTests
{
    private static string With(int line, string replacement)
    {
        var lines = DefinitionTexts.Minimal().TrimEnd('\n').Split('\n');
        lines[line - 1] = replacement;
        return DefinitionTexts.Lines(lines);
    }

    [Fact]
    public void Parse_ReportsUnknownWorkload_NamingTheKnownOnes()
    {
        var problem = DefinitionTexts.SingleProblem(With(2, "workload: { kind: cifar-cnn, max_epochs: 2 }"));

        Assert.Equal("workload.kind", problem.Path);
        Assert.StartsWith("unknown workload 'cifar-cnn'; known: ", problem.Message);
        Assert.Contains("mnist-mlp", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Parse_ReportsUnknownSampler_NamingTheKnownOnes()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "sampler: { kind: simulated-annealing }\n");

        Assert.Equal("sampler.kind", problem.Path);
        Assert.StartsWith("unknown sampler 'simulated-annealing'; known: ", problem.Message);
        Assert.Contains("random", problem.Message);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Parse_ReportsUnknownPruner_WithASuggestionAndTheKnownOnes()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: medain }\n");

        Assert.Equal("pruner.kind", problem.Path);
        Assert.StartsWith("unknown pruner 'medain' (did you mean 'median'?); known: ", problem.Message);
        Assert.Contains("percentile", problem.Message);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Parse_ReportsParallelismBelowOne()
    {
        var problem = DefinitionTexts.SingleProblem(With(6, "budget: { max_trials: 4, parallelism: 0 }"));

        Assert.Equal(new DefinitionProblem("budget.parallelism", "parallelism must be at least 1, but got 0", 6), problem);
    }

    [Fact]
    public void Parse_ReportsMaxTrialsBelowOne()
    {
        var problem = DefinitionTexts.SingleProblem(With(6, "budget: { max_trials: -3 }"));

        Assert.Equal(new DefinitionProblem("budget.max_trials", "max_trials must be at least 1, but got -3", 6), problem);
    }

    [Fact]
    public void Parse_ReportsMissingRequiredKey_AtTheLineOfItsSection()
    {
        var problem = DefinitionTexts.SingleProblem(With(6, "budget: { parallelism: 2 }"));

        Assert.Equal(new DefinitionProblem("budget.max_trials", "missing required key 'max_trials'", 6), problem);
    }

    [Fact]
    public void Parse_ReportsMissingRequiredSection_AtTheDocument()
    {
        var problem = DefinitionTexts.SingleProblem(With(3, "# no objective"));

        Assert.Equal(new DefinitionProblem("objective", "missing required key 'objective'", 1), problem);
    }

    [Fact]
    public void Parse_ReportsMisspeltKey_WithTheKeyItResembles()
    {
        var problem = DefinitionTexts.SingleProblem(With(6, "budget: { max_trials: 4, paralelism: 2 }"));

        Assert.Equal(new DefinitionProblem("budget.paralelism", "unknown key 'paralelism' (did you mean 'parallelism'?)", 6), problem);
    }

    [Fact]
    public void Parse_ReportsUnknownKeyUnlikeAnyKnownOne_WithTheKnownKeys()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "owner: ada\n");

        Assert.Equal("owner", problem.Path);
        Assert.StartsWith("unknown key 'owner'; known keys: name, workload, objective, space", problem.Message);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Parse_ReportsTextWhereAnIntegerBelongs()
    {
        var problem = DefinitionTexts.SingleProblem(With(6, "budget: { max_trials: abc }"));

        Assert.Equal(new DefinitionProblem("budget.max_trials", "expected an integer, got 'abc'", 6), problem);
    }

    [Fact]
    public void Parse_ReportsQuotedNumberWhereAnIntegerBelongs_AsAString()
    {
        var problem = DefinitionTexts.SingleProblem(With(2, "workload: { kind: mnist-mlp, max_epochs: \"2\" }"));

        Assert.Equal(new DefinitionProblem("workload.max_epochs", "expected an integer, got the string '2'", 2), problem);
    }

    [Fact]
    public void Parse_ReportsTextWhereANumberBelongs()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal("  dropout: { type: float, low: none, high: 0.5 }"));

        Assert.Equal(new DefinitionProblem("space.dropout.low", "expected a number, got 'none'", 5), problem);
    }

    [Fact]
    public void Parse_ReportsUnknownCapacityProvider_NamingTheKnownOnes()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "capacity: { provider: azure, instance_types: [a] }\n");

        Assert.Equal(new DefinitionProblem("capacity.provider", "unknown provider 'azure'; known: local, aws, gcp", 7), problem);
    }

    [Fact]
    public void Parse_DefaultsToLocalCapacity_WithParallelismAsMaxInstances()
    {
        var result = DefinitionReading.Parse(With(6, "budget: { max_trials: 4, parallelism: 3 }"));

        Assert.Empty(result.Problems);
        Assert.Equal("local", result.Definition!.Capacity.Provider);
        Assert.False(result.Definition.Capacity.Spot);
        Assert.Equal(3, result.Definition.Capacity.MaxInstances);
    }

    [Fact]
    public void Parse_ReadsAwsCapacity_SpotByDefault()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal()
            + "capacity: { provider: aws, instance_types: [g5.xlarge, g4dn.xlarge], gpus: 1, max_instances: 6, idle_timeout: 10m, on_demand_after_spot_failures: 2 }\n");

        Assert.Empty(result.Problems);
        var capacity = result.Definition!.Capacity;
        Assert.Equal(["g5.xlarge", "g4dn.xlarge"], capacity.InstanceTypes);
        Assert.True(capacity.Spot);
        Assert.Equal((1, 6, TimeSpan.FromMinutes(10), 2), (capacity.Gpus, capacity.MaxInstances, capacity.IdleTimeout, capacity.OnDemandAfterSpotFailures));
    }

    [Fact]
    public void Parse_RequiresInstanceTypes_ForCloudProviders()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "capacity: { provider: gcp, spot: true }\n");

        Assert.Equal(new DefinitionProblem("capacity.instance_types", "missing required key 'instance_types'", 7), problem);
    }

    [Fact]
    public void Parse_ReadsLocalSpotMarket_WithZeroNoticeMeaningKillOnly()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal()
            + "capacity: { provider: local, spot_market: { preemptions_per_hour: 40, notice: 0 } }\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new SpotMarketSection(40, TimeSpan.Zero), result.Definition!.Capacity.SpotMarket);
    }

    [Fact]
    public void Parse_RefusesSpotMarket_OutsideTheLocalProvider()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal()
            + "capacity: { provider: aws, instance_types: [m5.large], spot_market: { preemptions_per_hour: 4 } }\n");

        Assert.Equal("capacity.spot_market", problem.Path);
        Assert.Equal("spot_market simulates preemptions for the local provider only; aws has a real one", problem.Message);
    }

    [Fact]
    public void Parse_RefusesInstanceTypes_ForLocalWorkers()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "capacity: { provider: local, instance_types: [m5.large] }\n");

        Assert.Equal("capacity.instance_types", problem.Path);
    }

    [Fact]
    public void Parse_ReportsPerSweepCheckpointStoreAsNotSupportedYet()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "checkpoints: { store: \"s3://bucket/sweeps\", keep_best: 2 }\n");

        Assert.Equal("checkpoints.store", problem.Path);
        Assert.StartsWith("a per-sweep checkpoint store is not supported yet", problem.Message);
        Assert.Equal(7, problem.Line);
    }

    [Theory]
    [InlineData("6h", 6 * 3600)]
    [InlineData("90m", 90 * 60)]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("2d", 2 * 86_400)]
    public void Parse_ReadsDeadline_AsADuration(string deadline, int seconds)
    {
        var result = DefinitionReading.Parse(With(6, $"budget: {{ max_trials: 4, deadline: {deadline} }}"));

        Assert.Equal(TimeSpan.FromSeconds(seconds), result.Definition!.Budget.Deadline);
    }

    [Theory]
    [InlineData("6 hours")]
    [InlineData("3600")]
    [InlineData("0h")]
    [InlineData("30m1h")]
    public void Parse_ReportsDeadlineThatIsNotADuration(string deadline)
    {
        var problem = DefinitionTexts.SingleProblem(With(6, $"budget: {{ max_trials: 4, deadline: {deadline} }}"));

        Assert.Equal("budget.deadline", problem.Path);
        Assert.Equal($"expected a duration like '6h', '90m', '1h30m' or '30s', got '{deadline}'", problem.Message);
    }

    [Fact]
    public void Parse_DefaultsDirectionToMinimize_ForLosses_AndFillsOtherDefaults()
    {
        var definition = DefinitionReading.Parse(DefinitionTexts.Minimal()).Definition!;

        Assert.Equal(Tuner.Search.StudyDirection.Minimize, definition.Objective.Direction);
        Assert.Equal(new SamplerSection("auto", null), definition.Sampler);
        Assert.Equal(new Tuner.Search.Pruners.PrunerOptions("median"), definition.Pruner);
        Assert.Equal(new BudgetSection(4, 1, null, 1), definition.Budget);
        Assert.Equal(new CheckpointSection(1, 1, CheckpointSection.DefaultInterval), definition.Checkpoints);
    }

    [Theory]
    [InlineData("checkpoints: { every_epochs: 2, keep_best: 3 }", 2, 3, 30.0)]
    [InlineData("checkpoints: { interval: 5m }", 1, 1, 300.0)]
    [InlineData("checkpoints: { interval: 0 }", 1, 1, null)]
    public void Parse_ReadsCheckpointEpochsIntervalAndKeepBest(string line, int everyEpochs, int keepBest, double? intervalSeconds)
    {
        var definition = DefinitionReading.Parse(DefinitionTexts.Minimal() + line + "\n").Definition!;

        Assert.Equal(
            new CheckpointSection(everyEpochs, keepBest, intervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null), definition.Checkpoints);
    }

    [Theory]
    [InlineData("warm_start: { from_sweep: 12 }", 12L, WarmStartSection.DefaultBest)]
    [InlineData("warm_start: { from_sweep: 3, best: 10 }", 3L, 10)]
    [InlineData("warm_start: { from_sweep: 3, best: 2, prior_weight: 0.25 }", 3L, 2, 0.25)]
    [InlineData("warm_start: { from_sweep: 3, prior_weight: 1 }", 3L, WarmStartSection.DefaultBest, 1.0)]
    public void Parse_ReadsWarmStart(string line, long fromSweep, int best, double? priorWeight = null)
    {
        var definition = DefinitionReading.Parse(DefinitionTexts.Minimal() + line + "\n").Definition!;

        Assert.Equal(new WarmStartSection(fromSweep, best, priorWeight), definition.WarmStart);
        Assert.Null(DefinitionReading.Parse(DefinitionTexts.Minimal()).Definition!.WarmStart);
    }

    [Theory]
    [InlineData("warm_start: { best: 3 }", "warm_start.from_sweep")]
    [InlineData("warm_start: { from_sweep: 0 }", "warm_start.from_sweep")]
    [InlineData("warm_start: { from_sweep: last }", "warm_start.from_sweep")]
    [InlineData("warm_start: { from_sweep: 3, best: 101 }", "warm_start.best")]
    [InlineData("warm_start: { from_sweep: 3, prior: 0.5 }", "warm_start.prior")]
    [InlineData("warm_start: { from_sweep: 3, prior_weight: 0 }", "warm_start.prior_weight")]
    [InlineData("warm_start: { from_sweep: 3, prior_weight: 1.5 }", "warm_start.prior_weight")]
    [InlineData("sampler: { kind: random }\nwarm_start: { from_sweep: 3, prior_weight: 0.5 }", "warm_start.prior_weight")]
    public void Parse_ReportsAWarmStartThatIsWrong_AtItsPath(string line, string path)
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + line + "\n");

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Parse_ReportsAnIntervalThatIsNotADuration()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "checkpoints: { interval: often }\n");

        Assert.Equal("checkpoints.interval", problem.Path);
        Assert.Equal("expected a duration like '5m', '30s' or '1h' (or 0 for none), got 'often'", problem.Message);
    }

    [Fact]
    public void Parse_ReadsLabels_AsText()
    {
        var definition = DefinitionReading.Parse(DefinitionTexts.Minimal() + "labels: { team: ml-platform, cost-center: 42 }\n").Definition!;

        Assert.Equal(new Dictionary<string, string> { ["team"] = "ml-platform", ["cost-center"] = "42" }, definition.Labels);
    }

    [Fact]
    public void Parse_ReportsPercentileMissing_ForThePercentilePruner()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: percentile }\n");

        Assert.Equal(new DefinitionProblem("pruner.percentile", "missing required key 'percentile'", 7), problem);
    }

    [Fact]
    public void Parse_ReportsPercentileOutsideZeroToHundred()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: percentile, percentile: 120 }\n");

        Assert.Equal(new DefinitionProblem("pruner.percentile", "percentile must be between 0 and 100, but got 120", 7), problem);
    }

    [Fact]
    public void Parse_ReportsPercentileForAKindThatTakesNone()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: median, percentile: 25 }\n");

        Assert.Equal(new DefinitionProblem("pruner.percentile", "percentile does not apply to pruner kind 'median' (it reads: startup_trials, warmup_steps, interval_steps, min_trials)", 7), problem);
    }

    [Fact]
    public void Parse_ReadsEveryPrunerSetting()
    {
        var text = DefinitionTexts.Minimal() + "pruner: { kind: percentile, percentile: 25, startup_trials: 3, warmup_steps: 2, interval_steps: 2, min_trials: 4 }\n";

        var pruner = DefinitionReading.Parse(text).Definition!.Pruner;

        Assert.Equal(new Tuner.Search.Pruners.PrunerOptions("percentile", 3, 2, 2, 25, 4), pruner);
    }

    [Fact]
    public void Parse_DefaultsPrunerKindToMedian_WhenOnlySettingsAreGiven()
    {
        var pruner = DefinitionReading.Parse(DefinitionTexts.Minimal() + "pruner: { warmup_steps: 2 }\n").Definition!.Pruner;

        Assert.Equal(new Tuner.Search.Pruners.PrunerOptions("median", WarmupSteps: 2), pruner);
    }
}
