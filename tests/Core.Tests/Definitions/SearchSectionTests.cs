using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;
using Tuner.Search.Pruners;

namespace Tuner.Core.Tests.Definitions;

/// <summary>The issue-3 samplers and pruners, named and configured from a sweep definition.</summary>
public sealed class SearchSectionTests
{
    private static SweepDefinition Parse(params string[] extraLines)
    {
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal() + string.Join('\n', extraLines) + "\n");
        Assert.Empty(result.Problems);
        return result.Definition!;
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("grid")]
    [InlineData("sobol")]
    [InlineData("tpe")]
    [InlineData("tpe-mv")]
    [InlineData("gp")]
    public void Parse_AcceptsEverySamplerKind(string kind)
    {
        var space = kind == "grid" ? "  batch_size: { type: categorical, choices: [32, 64] }" : "  learning_rate: { type: float, low: 0.001, high: 0.1, log: true }";
        var result = DefinitionReading.Parse(DefinitionTexts.Minimal(space) + $"sampler: {{ kind: {kind}, seed: 3 }}\n");
        Assert.Empty(result.Problems);
        Assert.Equal(kind, result.Definition!.Sampler.Kind);
    }

    [Fact]
    public void Parse_ReportsAGridSamplerOverAContinuousFloat_AtTheSamplerKind()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "sampler: { kind: grid }\n");
        Assert.Equal("sampler.kind", problem.Path);
        Assert.Contains("'learning_rate'", problem.Message);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public void Parse_ReadsAshaSettings_WithAutoMinResource()
    {
        var pruner = Parse("pruner: { kind: asha, min_resource: auto, reduction_factor: 3 }").Pruner;
        Assert.Equal(new PrunerOptions("asha") { MinResource = null, ReductionFactor = 3 }, pruner);
    }

    [Fact]
    public void Parse_DefaultsHyperbandMaxResource_ToTheWorkloadsMaxEpochs()
    {
        var pruner = Parse("pruner: { kind: hyperband, reduction_factor: 2 }").Pruner;
        Assert.Equal(2, pruner.MaxResource);
        Assert.Equal(2, pruner.ReductionFactor);
    }

    [Fact]
    public void Parse_ReadsAPatientPrunerWrappingAnother()
    {
        var pruner = Parse("pruner: { kind: patient, patience: 3, min_delta: 0.01, wrapped: { kind: median, warmup_steps: 2 } }").Pruner;
        Assert.Equal(3, pruner.Patience);
        Assert.Equal(new PrunerOptions("median", WarmupSteps: 2), pruner.Wrapped);
    }

    [Fact]
    public void Parse_ReportsASettingThatAnotherPrunerKindReads()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: threshold, upper: 2.0, patience: 3 }\n");
        Assert.Equal("pruner.patience", problem.Path);
        Assert.Contains("does not apply to pruner kind 'threshold'", problem.Message);
    }

    [Fact]
    public void Parse_ReportsAPatientPrunerWithoutPatience()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: patient }\n");
        Assert.Equal("pruner.patience", problem.Path);
    }

    [Fact]
    public void Parse_ReportsAReductionFactorBelowTwo()
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + "pruner: { kind: asha, reduction_factor: 1 }\n");
        Assert.Equal("pruner.reduction_factor", problem.Path);
    }
}
