using Tuner.Trainer.Workloads.Tabular;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class TabularMlpOptionsTests
{
    private static readonly TabularMlpWorkload Workload = new(new CsvFileSource(() => throw new InvalidOperationException("reads nothing")));

    [Fact]
    public void ValidateOptions_AcceptsACompleteSetWithoutReadingData()
    {
        var problems = Workload.ValidateOptions(new Dictionary<string, object>
        {
            ["data"] = "/nowhere/train.csv", ["target"] = "y", ["task"] = "regression", ["features"] = new List<object> { "a", "b" },
            ["validation_fraction"] = 0.25, ["test_data"] = "s3://my-bucket/tables/test.csv",
        });

        Assert.Empty(problems);
    }

    [Fact]
    public void ValidateOptions_NamesMissingRequiredOptions()
    {
        var problems = Workload.ValidateOptions(new Dictionary<string, object>());

        Assert.Equal(
            [
                "option 'data' is required: the training CSV: a local path or s3://bucket/key",
                "option 'target' is required: the column to predict",
            ],
            problems);
    }

    [Fact]
    public void ValidateOptions_NamesUnknownAndMistypedOptions()
    {
        var problems = Workload.ValidateOptions(new Dictionary<string, object>
        {
            ["data"] = new List<object> { "a", "b" }, ["target"] = "y", ["features"] = 3.5, ["validation_fraction"] = "a fifth", ["label"] = "y",
        });

        Assert.Equal(
            [
                "unknown option 'label'; known options are data, target, task, features, validation_fraction, validation_data, test_data",
                "option 'data' must be text, but got ['a', 'b']",
                "option 'features' must be a list of text values, but got 3.5",
                "option 'validation_fraction' must be a number, but got 'a fifth'",
            ],
            problems);
    }

    [Fact]
    public void ValidateOptions_NamesBadValues()
    {
        var problems = Workload.ValidateOptions(new Dictionary<string, object>
        {
            ["data"] = "s3://my-bucket", ["target"] = "y", ["task"] = "clustering", ["validation_fraction"] = 1.0,
            ["validation_data"] = "https://example.com/valid.csv", ["test_data"] = "s3://B/test.csv",
            ["features"] = new List<object> { "a", "y", "a" },
        });

        Assert.Equal(
            [
                "option 'data' must name an object, s3://bucket/key, but got 's3://my-bucket'",
                "option 'validation_data' must be a local path or s3://bucket/key, but got 'https://example.com/valid.csv'",
                "option 'test_data': an S3 bucket name must be 3 to 63 lowercase letters, digits, '.', '-' or '_', starting and ending with a letter or digit, but got bucket='B' in uri='s3://B/test.csv'",
                "option 'task' must be one of classification, regression, but got 'clustering'",
                "option 'validation_fraction' must be greater than 0 and less than 1, but got 1",
                "options 'validation_fraction' and 'validation_data' exclude each other: validation_data is the validation set, so data is not split",
                "option 'features' must not list the target column 'y'",
                "option 'features' lists 'a' 2 times",
            ],
            problems);
    }

    [Fact]
    public void Read_FillsInDefaults()
    {
        var options = TabularMlpOptions.Read(new Dictionary<string, object> { ["data"] = "t.csv", ["target"] = "y" }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new TabularMlpOptions("t.csv", "y", null, options.Features, 0.2, null, null), options);
        Assert.Empty(options.Features);
    }

    [Fact]
    public void ValidateParams_NamesBadParameters()
    {
        var problems = Workload.ValidateParams(new Dictionary<string, object>
        {
            ["hidden_layers"] = 0, ["dropout"] = 1.0, ["class_weighting"] = "inverse", ["batch_size"] = 2.5, ["momentum"] = 0.9,
        });

        Assert.Equal(
            [
                "unknown parameter 'momentum'; known parameters are hidden_layers, hidden_units, dropout, learning_rate, batch_size, weight_decay, class_weighting",
                "hidden_layers must be between 1 and 16, but got hidden_layers=0",
                "dropout must be in [0, 1), but got dropout=1",
                "batch_size must be an integer, but got batch_size=2.5 (Double)",
                "class_weighting must be one of none, balanced, but got class_weighting='inverse'",
            ],
            problems);
    }

    [Fact]
    public void Parameters_DeclareTheirDefaults()
    {
        Assert.Equal(
            [
                ("hidden_layers", (object)2), ("hidden_units", 64), ("dropout", 0.1), ("learning_rate", 1e-3), ("batch_size", 64),
                ("weight_decay", 0.0), ("class_weighting", "none"),
            ],
            Workload.Parameters.Select(p => (p.Name, p.Default)));
    }
}
