using Tuner.Trainer.Workloads;
using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;
using Tuner.Search;
using Tuner.Search.Pruners;
using Tuner.Search.Spaces;
using Tuner.Trainer;

namespace Tuner.Core.Tests.Definitions;

public sealed class ExampleDefinitionTests
{
    [Fact]
    public void Parse_ReadsTheShippedExample_WithoutProblems()
    {
        var result = DefinitionReading.Parse(DefinitionTexts.MnistMlpExample());

        Assert.Empty(result.Problems);
        Assert.True(result.Succeeded);
        var definition = result.Definition;
        Assert.Equal("mnist-mlp", definition.Name);
        Assert.Equal(("mnist-mlp", 8), (definition.Workload.Kind, definition.Workload.MaxEpochs));
        Assert.Empty(definition.Workload.Options);
        Assert.Same(BuiltInWorkloads.Find("mnist-mlp"), definition.Workload.Workload);
        Assert.Equal(new ObjectiveSection("val_accuracy", StudyDirection.Maximize), definition.Objective);
        Assert.Equal(new SamplerSection("auto", 42), definition.Sampler);
        Assert.Equal(new PrunerOptions("median", StartupTrials: 5, WarmupSteps: 2), definition.Pruner);
        Assert.Equal(new BudgetSection(30, 2, null, MaxAttempts: 1), definition.Budget);
        Assert.Equal(new CheckpointSection(1, 1, CheckpointSection.DefaultInterval), definition.Checkpoints);
        Assert.Empty(definition.Labels);
    }

    [Fact]
    public void Parse_ReadsEverySpaceEntryOfTheExample_WithItsDistributionAndCondition()
    {
        var space = DefinitionReading.Parse(DefinitionTexts.MnistMlpExample()).Definition!.Space.ToDictionary(spec => spec.Name);

        Assert.Equal(
            ["learning_rate", "batch_size", "hidden_units", "hidden_layers", "dropout", "optimizer", "momentum", "weight_decay"],
            space.Keys);
        Assert.Equal(new FloatDistribution(1e-4, 1e-1, Log: true), space["learning_rate"].Distribution);
        Assert.Equal([64L, 128L, 256L], Assert.IsType<CategoricalDistribution>(space["batch_size"].Distribution).Choices);
        Assert.Equal(new IntDistribution(32, 512, Log: true), space["hidden_units"].Distribution);
        Assert.Equal(new IntDistribution(1, 2), space["hidden_layers"].Distribution);
        Assert.Equal(new FloatDistribution(0.0, 0.5), space["dropout"].Distribution);
        Assert.Equal(["adam", "sgd"], Assert.IsType<CategoricalDistribution>(space["optimizer"].Distribution).Choices);
        Assert.Equal(new FloatDistribution(0.5, 0.99), space["momentum"].Distribution);
        Assert.Equal("optimizer", space["momentum"].When!.Parent);
        Assert.Equal(["sgd"], space["momentum"].When!.Values);
        Assert.Equal(new FloatDistribution(1e-6, 1e-3, Log: true), space["weight_decay"].Distribution);
        Assert.All(space.Values.Where(spec => spec.Name != "momentum"), spec => Assert.Null(spec.When));
    }

    [Fact]
    public void Parse_ReadsTheJsonEquivalentOfTheExample_AsAnEqualDefinition()
    {
        const string json = """
            {
              "name": "mnist-mlp",
              "workload": { "kind": "mnist-mlp", "max_epochs": 8 },
              "objective": { "metric": "val_accuracy", "direction": "maximize" },
              "space": {
                "learning_rate": { "type": "float", "low": 1.0e-4, "high": 1.0e-1, "log": true },
                "batch_size": { "type": "categorical", "choices": [64, 128, 256] },
                "hidden_units": { "type": "int", "low": 32, "high": 512, "log": true },
                "hidden_layers": { "type": "int", "low": 1, "high": 2 },
                "dropout": { "type": "float", "low": 0.0, "high": 0.5 },
                "optimizer": { "type": "categorical", "choices": ["adam", "sgd"] },
                "momentum": { "type": "float", "low": 0.5, "high": 0.99, "when": { "optimizer": "sgd" } },
                "weight_decay": { "type": "float", "low": 1e-6, "high": 1e-3, "log": true }
              },
              "sampler": { "kind": "auto", "seed": 42 },
              "pruner": { "kind": "median", "startup_trials": 5, "warmup_steps": 2 },
              "budget": { "max_trials": 30, "parallelism": 2 },
              "capacity": { "provider": "local" }
            }
            """;

        var fromYaml = DefinitionReading.Parse(DefinitionTexts.MnistMlpExample()).Definition!;
        var fromJson = DefinitionReading.Parse(json);

        Assert.Empty(fromJson.Problems);
        DefinitionAssert.Equivalent(fromYaml, fromJson.Definition!);
    }

    [Fact]
    public void Parse_ReadsCompactJsonWithoutSpacesOrNewlines()
    {
        const string json = """{"name":"tiny","workload":{"kind":"mnist-mlp","max_epochs":1},"objective":{"metric":"val_loss"},"space":{"optimizer":{"type":"categorical","choices":["adam"]}},"budget":{"max_trials":1}}""";

        var result = DefinitionReading.Parse(json, DefinitionFormat.Json);

        Assert.Empty(result.Problems);
        Assert.Equal(["adam"], Assert.IsType<CategoricalDistribution>(Assert.Single(result.Definition!.Space).Distribution).Choices);
    }

    [Fact]
    public void Parse_GivesTheExampleParts_ThatTheSearchCatalogsAccept()
    {
        var definition = DefinitionReading.Parse(DefinitionTexts.MnistMlpExample()).Definition!;

        var space = SearchSpace.Create(definition.Space);
        var sampler = Tuner.Search.Samplers.SamplerCatalog.Create(definition.Sampler.Kind, definition.Sampler.Seed);
        var pruner = PrunerCatalog.Create(definition.Pruner);

        Assert.Equal(8, space.Parameters.Count);
        Assert.NotNull(sampler);
        Assert.NotNull(pruner);
    }
}
