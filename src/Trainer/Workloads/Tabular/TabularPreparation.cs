using Tuner.Workloads;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>
/// Turns parsed files into a <see cref="TabularDataset"/>: checks the columns, settles the task, splits off validation
/// rows (<see cref="TabularSplit"/>) unless a validation file is given, fits the encoders on the training rows only
/// and encodes every part. Nothing here depends on the trial, so every trial of a sweep gets the same data. Problems
/// throw a <see cref="WorkloadException"/> naming the file, the line and the column.
/// </summary>
public static class TabularPreparation
{
    public static TabularDataset Prepare(TabularMlpOptions options, CsvTable data, CsvTable? validation, CsvTable? test)
    {
        var targetIndex = new TargetColumn(options.Target, TabularTask.Regression, false).IndexIn(data);
        foreach (var feature in options.Features.Where(f => data.IndexOf(f) < 0))
        {
            throw new WorkloadException(
                $"{data.Source}, line 1: option 'features' names '{feature}', which is not a column; the columns are {data.ColumnList}");
        }
        var features = options.Features.Count > 0 ? options.Features : data.Header.Where(c => c != options.Target).ToList();
        if (features.Count == 0)
            throw new WorkloadException($"{data.Source}, line 1: the file has no feature columns besides the target '{options.Target}'");

        var target = new TargetColumn(
            options.Target, options.Task ?? ColumnTypes.InferTask(data, targetIndex), ColumnTypes.IsNumeric(data, targetIndex));
        var labels = target.Task == TabularTask.Classification ? target.Labels(data) : null;
        var (trainingRows, validationRows) = validation is null
            ? TabularSplit.Of(data.Rows.Count, options.ValidationFraction, labels)
            : (AllRows(data), []);
        if (validation is null && validationRows.Length == 0)
        {
            throw new WorkloadException(
                $"{data.Source}: validation_fraction={options.ValidationFraction} of {data.Rows.Count} rows leaves no row for validation; " +
                "give more rows, a larger validation_fraction or validation_data");
        }

        var encoder = FeatureEncoder.Fit(data, trainingRows, features);
        var parts = new (CsvTable Table, int[] Rows)?[]
        {
            (data, trainingRows), validation is null ? (data, validationRows) : (validation, AllRows(validation)),
            test is null ? null : (test, AllRows(test)),
        };
        return target.Task == TabularTask.Classification
            ? Classification(target, labels!, encoder, parts)
            : Regression(target, encoder, parts);
    }

    private static TabularDataset Classification(
        TargetColumn target, string[] dataLabels, FeatureEncoder encoder, (CsvTable Table, int[] Rows)?[] parts)
    {
        var (data, trainingRows) = parts[0]!.Value;
        var trainingLabels = trainingRows.Select(row => dataLabels[row]).ToArray();
        var classes = target.Order(trainingLabels.Distinct());
        if (classes.Count < 2)
        {
            throw new WorkloadException(
                $"{data.Source}, column '{target.Name}': every row of the training data has the class '{classes[0]}'; classification needs at least two classes");
        }
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (long)p.i, StringComparer.Ordinal);
        var counts = classes.Select(c => trainingLabels.Count(l => l == c)).ToArray();
        var weights = counts.Select(n => (double)trainingRows.Length / (classes.Count * n)).ToArray();

        TabularPart Part((CsvTable Table, int[] Rows) part, string role)
        {
            var all = ReferenceEquals(part.Table, data) ? dataLabels : target.Labels(part.Table);
            var labels = part.Rows.Select(row => index.TryGetValue(all[row], out var label)
                ? label
                : throw new WorkloadException(
                    $"{part.Table.Source}, line {part.Table.Rows[row].Line}, column '{target.Name}': the class '{all[row]}' does not occur in the training data, so the model cannot predict it")).ToArray();
            if (role != "training" && labels.Distinct().Count() < 2)
            {
                throw new WorkloadException(
                    $"{part.Table.Source}, column '{target.Name}': every row of the {role} data has the class '{classes[(int)labels[0]]}'; val_auc needs rows of at least two classes");
            }
            return new TabularPart(part.Table.Source, part.Rows.Length, encoder.Encode(part.Table, part.Rows), labels, []);
        }

        return new TabularDataset(
            TabularTask.Classification, encoder, classes, weights, 0, 1,
            Part(parts[0]!.Value, "training"), Part(parts[1]!.Value, "validation"), parts[2] is { } test ? Part(test, "test") : null);
    }

    private static TabularDataset Regression(TargetColumn target, FeatureEncoder encoder, (CsvTable Table, int[] Rows)?[] parts)
    {
        TabularPart Part((CsvTable Table, int[] Rows) part)
        {
            var values = target.Values(part.Table);
            return new TabularPart(part.Table.Source, part.Rows.Length, encoder.Encode(part.Table, part.Rows), [], part.Rows.Select(r => values[r]).ToArray());
        }

        var training = Part(parts[0]!.Value);
        var mean = training.Targets.Average();
        var deviation = Math.Sqrt(training.Targets.Sum(t => (t - mean) * (t - mean)) / training.Targets.Length);
        return new TabularDataset(
            TabularTask.Regression, encoder, [], [], mean, deviation > 0 && double.IsFinite(deviation) ? deviation : 1,
            training, Part(parts[1]!.Value), parts[2] is { } test ? Part(test) : null);
    }

    private static int[] AllRows(CsvTable table) => Enumerable.Range(0, table.Rows.Count).ToArray();
}
