namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// A numeric column, standardized with the training split's mean and standard deviation (population; 1 when the
/// column is constant or has no values). A missing cell takes the training mean (0 once standardized); when the
/// training split has missing cells in the column, a second input is 1 for a missing cell and 0 otherwise.
/// </summary>
public sealed class NumericColumnEncoder : IColumnEncoder
{
    private NumericColumnEncoder(string column, double mean, double scale, bool missingIndicator)
    {
        Column = column;
        Mean = mean;
        Scale = scale;
        HasMissingIndicator = missingIndicator;
        InputNames = missingIndicator ? [column, $"{column} (missing)"] : [column];
    }

    public string Column { get; }

    public IReadOnlyList<string> InputNames { get; }

    public double Mean { get; }

    /// <summary>The divisor: the training standard deviation, or 1 for a constant column.</summary>
    public double Scale { get; }

    public bool HasMissingIndicator { get; }

    /// <summary>Fits the encoder on <paramref name="trainingCells"/>, which are numbers or missing.</summary>
    public static NumericColumnEncoder Fit(string column, IEnumerable<string> trainingCells)
    {
        var values = new List<double>();
        var missing = false;
        foreach (var cell in trainingCells)
        {
            if (ColumnTypes.IsMissing(cell)) missing = true;
            else if (ColumnTypes.TryNumber(cell, out var value)) values.Add(value);
            else throw new ArgumentException($"column '{column}' must hold numbers, but has '{cell}'", nameof(trainingCells));
        }
        var mean = values.Count == 0 ? 0 : values.Average();
        var deviation = values.Count == 0 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return new NumericColumnEncoder(column, mean, deviation > 0 && double.IsFinite(deviation) ? deviation : 1, missing);
    }

    public bool TryEncode(string cell, Span<float> destination)
    {
        var missing = ColumnTypes.IsMissing(cell);
        var value = 0.0;
        if (!missing && !ColumnTypes.TryNumber(cell, out value)) return false;
        destination[0] = missing ? 0f : (float)((value - Mean) / Scale);
        if (HasMissingIndicator) destination[1] = missing ? 1f : 0f;
        return true;
    }
}
