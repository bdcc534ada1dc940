namespace Tuner.Search.Samplers.Tpe;

/// <summary>
/// The trials TPE learns from, read once per ask: Complete and Pruned trials, plus pending ones with the constant
/// liar, without the trial being sampled, in trial-number order. <see cref="Columns"/> holds each parameter's
/// internal values (NaN where a trial lacks it); <see cref="Below"/> and <see cref="Above"/> list row indices.
/// </summary>
internal sealed class TpeHistory
{
    private TpeHistory(double[][] columns, bool[] finished, double[]? weights, int[] below, int[] above)
    {
        Columns = columns;
        Weights = weights;
        Finished = finished;
        Below = below;
        Above = above;
    }

    /// <summary>Columns[d][row]: the internal value of dimension d in that row's trial, or NaN.</summary>
    public double[][] Columns { get; }

    /// <summary>Whether each row is a finished (Complete or Pruned) trial rather than a pending one.</summary>
    public bool[] Finished { get; }

    /// <summary>Each row's trial weight (<see cref="FrozenTrial.Weight"/>); null when every row weighs 1.</summary>
    public double[]? Weights { get; }

    public int[] Below { get; }

    public int[] Above { get; }

    public static TpeHistory Build(SamplingContext context, TpeDimension[] dimensions, TpeOptions options)
    {
        var rows = new List<FrozenTrial>(context.Trials.Count);
        foreach (var trial in context.Trials)
        {
            var used = trial.State is TrialState.Complete or TrialState.Pruned || (options.ConstantLiar && trial.IsPending);
            if (used && trial.Number != context.TrialNumber)
            {
                rows.Add(trial);
            }
        }

        if (!IsOrdered(rows))
        {
            rows.Sort((a, b) => a.Number.CompareTo(b.Number));
        }

        var columns = new double[dimensions.Length][];
        for (var d = 0; d < dimensions.Length; d++)
        {
            columns[d] = new double[rows.Count];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var parameters = rows[r].Params;
            for (var d = 0; d < dimensions.Length; d++)
            {
                columns[d][r] = parameters.TryGetValue(dimensions[d].Name, out var value) && value is not null ? dimensions[d].ToInternal(value) : double.NaN;
            }
        }

        var finished = new bool[rows.Count];
        var finishedCount = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            finished[r] = !rows[r].IsPending;
            finishedCount += finished[r] ? 1 : 0;
        }

        double[]? weights = null;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Weight != 1.0)
            {
                weights ??= [.. rows.Select(t => t.Weight)];
                break;
            }
        }

        var isBelow = TpeSplit.Below(rows, context.Direction, options.Gamma(finishedCount));
        var below = new List<int>();
        var above = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            (isBelow[r] ? below : above).Add(r);
        }

        return new TpeHistory(columns, finished, weights, [.. below], [.. above]);
    }

    private static bool IsOrdered(List<FrozenTrial> rows)
    {
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r - 1].Number > rows[r].Number)
            {
                return false;
            }
        }

        return true;
    }
}
