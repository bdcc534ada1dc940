using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

public sealed class FeatureEncoderTests
{
    private const string Training = "num,cat,const,y\n1,a,5,0\n2,b,5,0\n3,,5,1\n,a,5,1\n";
    private const string ValidationRow = "100,zzz,7,1\n";
    private static readonly int[] TrainingRows = [0, 1, 2, 3];
    private static readonly string[] Features = ["num", "cat", "const"];

    [Fact]
    public void Fit_StandardizesNumbersWithTrainingStatistics_AndOneHotsTrainingCategories()
    {
        var table = CsvParser.Parse(Training + ValidationRow, "t.csv");

        var encoder = FeatureEncoder.Fit(table, TrainingRows, Features);

        Assert.Equal(["num", "num (missing)", "cat=(missing)", "cat=a", "cat=b", "const"], encoder.InputNames);
        var num = Assert.IsType<NumericColumnEncoder>(encoder.Columns[0]);
        Assert.Equal(2.0, num.Mean); // 1, 2, 3: the validation row's 100 is not seen
        Assert.Equal(Math.Sqrt(2.0 / 3), num.Scale, 12);
        Assert.Equal(1.0, Assert.IsType<NumericColumnEncoder>(encoder.Columns[2]).Scale); // constant column
        var z = (float)(1 / Math.Sqrt(2.0 / 3));
        Assert.Equal(
            [
                -z, 0, 0, 1, 0, 0, // 1, a, 5
                0, 1, 0, 1, 0, 0,  // a missing number: the mean (0 once standardized) and the indicator
                z, 0, 1, 0, 0, 0,  // 3, a missing category, 5
            ],
            encoder.Encode(table, [0, 3, 2]));
    }

    [Fact]
    public void Encode_GivesAValidationOnlyCategoryAllZeros_AndTheValidationRowsChangeNothing()
    {
        var withValidation = CsvParser.Parse(Training + ValidationRow, "t.csv");
        var withoutValidation = CsvParser.Parse(Training, "t.csv");

        var fitted = FeatureEncoder.Fit(withValidation, TrainingRows, Features);
        var reference = FeatureEncoder.Fit(withoutValidation, TrainingRows, Features);

        Assert.Equal(reference.InputNames, fitted.InputNames);
        Assert.Equal(reference.Encode(withoutValidation, TrainingRows), fitted.Encode(withValidation, TrainingRows));
        var validation = fitted.Encode(withValidation, [4]);
        Assert.Equal([0f, 0f, 0f], validation[2..5]); // 'zzz' is no training category
        Assert.Equal((float)(98 / Math.Sqrt(2.0 / 3)), validation[0]);
        Assert.Equal(2f, validation[5]); // 7 - 5 with the constant column's scale of 1
    }

    [Fact]
    public void Encode_Throws_WhenAnotherFileHasTextInANumericColumn()
    {
        var training = CsvParser.Parse(Training, "train.csv");
        var validation = CsvParser.Parse("num,cat,const,y\n1,a,5,0\nlots,a,5,1\n", "valid.csv");
        var encoder = FeatureEncoder.Fit(training, TrainingRows, Features);

        var error = Assert.Throws<WorkloadException>(() => encoder.Encode(validation, [0, 1]));

        Assert.Equal("valid.csv, line 3, column 'num': 'lots' is not a number, but the column is numeric in the training data (train.csv)", error.Message);
    }

    [Fact]
    public void Encode_Throws_WhenAnotherFileLacksAFeatureColumn()
    {
        var training = CsvParser.Parse(Training, "train.csv");
        var validation = CsvParser.Parse("num,const,y\n1,5,0\n", "valid.csv");
        var encoder = FeatureEncoder.Fit(training, TrainingRows, Features);

        var error = Assert.Throws<WorkloadException>(() => encoder.Encode(validation, [0]));

        Assert.Equal("valid.csv, line 1: the feature column 'cat' is not in the header; the columns are num, const, y", error.Message);
    }

    [Fact]
    public void NumericColumnEncoder_HasNoMissingIndicator_WhenTrainingHasNoMissingCells()
    {
        var encoder = NumericColumnEncoder.Fit("x", ["1", "3"]);
        var inputs = new float[1];

        Assert.Equal(["x"], encoder.InputNames);
        Assert.True(encoder.TryEncode("", inputs)); // a missing validation cell still takes the training mean
        Assert.Equal(0f, inputs[0]);
        Assert.False(encoder.TryEncode("x", inputs));
    }
}
