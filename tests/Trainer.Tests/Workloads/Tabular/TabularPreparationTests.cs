using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class TabularPreparationTests
{
    [Fact]
    public void Prepare_Penguins_InfersClassification_AndSplitsEachSpeciesByTheFraction()
    {
        var table = CsvParser.Parse(File.ReadAllText(TabularTrials.PenguinsCsv), "penguins.csv");

        var data = TabularPreparation.Prepare(Options("species"), table, null, null);

        Assert.Equal(TabularTask.Classification, data.Task);
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], data.Classes);
        Assert.Equal(344, data.Training.Rows + data.Validation.Rows);
        Assert.Equal([30, 14, 25], Enumerable.Range(0, 3).Select(c => data.Validation.Labels.Count(l => l == c))); // 20% of 152, 68, 124
        Assert.Null(data.Test);
        Assert.Equal(
            [
                "island=Biscoe", "island=Dream", "island=Torgersen", "bill_length_mm", "bill_length_mm (missing)", "bill_depth_mm",
                "bill_depth_mm (missing)", "flipper_length_mm", "flipper_length_mm (missing)", "body_mass_g", "body_mass_g (missing)",
                "sex=(missing)", "sex=FEMALE", "sex=MALE",
            ],
            data.Encoder.InputNames);
    }

    [Fact]
    public void Prepare_IsTheSameForEveryCall()
    {
        var table = CsvParser.Parse(File.ReadAllText(TabularTrials.ChurnCsv), "churn.csv");

        var first = TabularPreparation.Prepare(Options("churned"), table, null, null);
        var second = TabularPreparation.Prepare(Options("churned"), table, null, null);

        Assert.Equal(first.Training.Inputs, second.Training.Inputs);
        Assert.Equal(first.Validation.Labels, second.Validation.Labels);
        Assert.Equal(["0", "1"], first.Classes); // 0/1 integers: classification, inferred
        Assert.Equal(1_000, first.Validation.Rows);
    }

    [Fact]
    public void Prepare_UsesTheValidationFile_WithoutSplitting_AndReadsNumericLabelsCanonically()
    {
        var data = CsvParser.Parse("x,y\n1,0\n2,1.0\n3,1\n4,0\n", "train.csv");
        var validation = CsvParser.Parse("x,y\n5,1.00\n6,0e0\n", "valid.csv");

        var prepared = TabularPreparation.Prepare(Options("y") with { ValidationData = "valid.csv" }, data, validation, null);

        Assert.Equal(4, prepared.Training.Rows);
        Assert.Equal(["0", "1"], prepared.Classes);
        Assert.Equal([0L, 1L, 1L, 0L], prepared.Training.Labels);
        Assert.Equal([1L, 0L], prepared.Validation.Labels);
        Assert.Equal("valid.csv", prepared.Validation.Source);
        Assert.Equal([1.0, 1.0], prepared.ClassWeights); // balanced weights of a balanced split
    }

    [Fact]
    public void Prepare_Regression_StandardizesTheTargetWithTrainingStatistics()
    {
        var data = CsvParser.Parse("x,y\n1,1.5\n2,2.5\n3,3.5\n4,4.5\n5,100.5\n", "t.csv");

        var prepared = TabularPreparation.Prepare(Options("y") with { Features = ["x"] }, data, null, null);

        Assert.Equal(TabularTask.Regression, prepared.Task);
        Assert.Equal(4, prepared.Training.Rows);
        Assert.Equal(prepared.Training.Targets.Average(), prepared.TargetMean);
        Assert.DoesNotContain(prepared.Validation.Targets[0], prepared.Training.Targets);
    }

    [Fact]
    public void Prepare_HonoursAnExplicitTask()
    {
        var data = CsvParser.Parse("x,y\n1,0\n2,1\n3,1\n4,0\n5,1\n", "t.csv");

        var prepared = TabularPreparation.Prepare(Options("y") with { Task = TabularTask.Regression }, data, null, null);

        Assert.Equal(TabularTask.Regression, prepared.Task);
        Assert.Equal(1, prepared.OutputWidth);
    }

    private static TabularMlpOptions Options(string target) => new("data.csv", target, null, [], 0.2, null, null);
}
