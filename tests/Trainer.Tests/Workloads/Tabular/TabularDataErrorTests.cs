using Tuner.Trainer.Tests.TestSupport;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

/// <summary>Every bad file a session refuses, with the exact message: the file, the line (the header is line 1) and
/// the column.</summary>
public sealed class TabularDataErrorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task MissingTargetColumn_ListsTheColumnsFound()
    {
        var path = Write("x,y,z\n1,2,3\n4,5,6\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "label" });

        Assert.Equal($"{path}, line 1: the target column 'label' is not in the header; the columns are x, y, z", message);
    }

    [Fact]
    public async Task NonNumericRegressionTarget_NamesTheCell()
    {
        var path = Write("x,price\n1,2.5\n2,3.5\n3,n/a\n4,1\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "price", ["task"] = "regression" });

        Assert.Equal($"{path}, line 4, column 'price': 'n/a' is not a number, but a regression target must be numeric", message);
    }

    [Fact]
    public async Task RaggedRow_NamesTheRowAndTheFirstColumnWithoutACell()
    {
        var path = Write("x,y,z\n1,2,3\n\"a, b\",2\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "z" });

        Assert.Equal($"{path}, line 3: the row has 2 cells, but the header has 3; column 'z' and any after it have no cell", message);
    }

    [Fact]
    public async Task RowWithTooManyCells_NamesTheRowAndTheFirstCellWithoutAColumn()
    {
        var path = Write("x,y\r\n1,2\r\n3,4,5\r\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}, line 3: the row has 3 cells, but the header has 2; cell 3 and any after it have no column (the last column is 'y')", message);
    }

    [Fact]
    public async Task EmptyFile_SaysSo()
    {
        var path = Write("");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}: the file is empty; it needs a header line and at least one data row", message);
    }

    [Fact]
    public async Task HeaderOnly_SaysSo()
    {
        var path = Write("x,y\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}, line 1: the file has a header but no data rows", message);
    }

    [Fact]
    public async Task OneClassInTheTrainingData_NamesTheClass()
    {
        var path = Write("x,y\n1,yes\n2,yes\n3,yes\n4,yes\n5,yes\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}, column 'y': every row of the training data has the class 'yes'; classification needs at least two classes", message);
    }

    [Fact]
    public async Task UnknownFeature_ListsTheColumnsFound()
    {
        var path = Write("x,y,z\n1,2,0\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "z", ["features"] = new List<object> { "x", "w" } });

        Assert.Equal($"{path}, line 1: option 'features' names 'w', which is not a column; the columns are x, y, z", message);
    }

    [Fact]
    public async Task EmptyTargetCell_NamesTheCell()
    {
        var path = Write("x,y\n1,a\n2,\n3,b\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}, line 3, column 'y': the target cell is empty; every row needs a target value", message);
    }

    [Fact]
    public async Task TargetAsTheOnlyColumn_LeavesNoFeatures()
    {
        var path = Write("y\n1\n2\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}, line 1: the file has no feature columns besides the target 'y'", message);
    }

    [Fact]
    public async Task ValidationClassMissingFromTraining_NamesTheCell()
    {
        var data = Write("x,y\n1,a\n2,b\n3,a\n", "train.csv");
        var validation = Write("x,y\n1,a\n2,c\n", "valid.csv");

        var message = await ErrorAsync(new() { ["data"] = data, ["target"] = "y", ["validation_data"] = validation });

        Assert.Equal($"{validation}, line 3, column 'y': the class 'c' does not occur in the training data, so the model cannot predict it", message);
    }

    [Fact]
    public async Task ValidationWithOneClass_CannotScoreAuc()
    {
        var data = Write("x,y\n1,a\n2,b\n3,a\n", "train.csv");
        var validation = Write("x,y\n1,b\n2,b\n", "valid.csv");

        var message = await ErrorAsync(new() { ["data"] = data, ["target"] = "y", ["validation_data"] = validation });

        Assert.Equal($"{validation}, column 'y': every row of the validation data has the class 'b'; val_auc needs rows of at least two classes", message);
    }

    [Fact]
    public async Task TestFileWithoutTheTargetColumn_ListsItsColumns()
    {
        var data = Write("x,y\n1,1.5\n2,2.5\n3,3.5\n4,4.5\n5,5\n", "train.csv");
        var test = Write("x,z\n1,2\n", "test.csv");

        var message = await ErrorAsync(new() { ["data"] = data, ["target"] = "y", ["test_data"] = test });

        Assert.Equal($"{test}, line 1: the target column 'y' is not in the header; the columns are x, z", message);
    }

    [Fact]
    public async Task TooFewRowsForTheValidationFraction_SaysWhatToChange()
    {
        var path = Write("x,y\n1,1.5\n2,2.5\n3,3.5\n");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y", ["validation_fraction"] = 0.1 });

        Assert.Equal(
            $"{path}: validation_fraction=0.1 of 3 rows leaves no row for validation; give more rows, a larger validation_fraction or validation_data",
            message);
    }

    [Fact]
    public async Task MissingFile_NamesTheFullPath()
    {
        var path = Path.Combine(_directory.Path, "absent.csv");

        var message = await ErrorAsync(new() { ["data"] = path, ["target"] = "y" });

        Assert.Equal($"{path}: the file does not exist", message);
    }

    [Fact]
    public async Task BalancedClassWeighting_IsRefusedForRegression()
    {
        var path = Write("x,y\n1,1.5\n2,2.5\n3,3.5\n4,4.5\n5,5.5\n");
        var spec = TabularTrials.Spec(new Dictionary<string, object> { ["data"] = path, ["target"] = "y" }, parameters: ("class_weighting", "balanced"));

        var error = await Assert.ThrowsAsync<Tuner.Workloads.WorkloadException>(() => TabularTrials.OpenAsync(spec));

        Assert.Equal($"class_weighting=balanced applies to classification only, but column 'y' of {path} is a regression target", error.Message);
    }

    private string Write(string text, string name = "data.csv") => TabularTrials.Write(_directory, name, text);

    private static Task<string> ErrorAsync(Dictionary<string, object> options) => TabularTrials.ErrorAsync(options);
}
