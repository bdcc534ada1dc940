namespace Tuner.Search.Samplers.Gp;

/// <summary>
/// What the GP learns from (after optuna/samplers/_gp/sampler.py): the Complete trials' coordinates X and standardized
/// values y, signed so that larger is better (infinite values clipped to the finite range first), and the coordinates of
/// pending (Waiting or Running) trials that hold a value for every GP dimension. Pruned and Failed trials are ignored, as
/// in Optuna's GPSampler. <see cref="NoiseScale"/> is each Complete trial's 1 / <see cref="FrozenTrial.Weight"/>: a prior
/// trial's value is observed with its noise variance multiplied by it; null when every trial weighs 1.
/// </summary>
internal sealed record GpTrainingData(double[] X, double[] Y, double[] PendingX, int Dimensions, double[]? NoiseScale = null)
{
    private const double MinimumStd = 1e-10;

    public int Count => Y.Length;

    public int PendingCount => PendingX.Length / Dimensions;

    public static GpTrainingData Build(IReadOnlyList<GpDimension> dimensions, IReadOnlyList<FrozenTrial> complete, IEnumerable<FrozenTrial> pending, StudyDirection direction)
    {
        var sign = direction == StudyDirection.Maximize ? 1.0 : -1.0;
        var raw = complete.Select(t => sign * t.Value!.Value).ToArray();
        var finite = raw.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var clipped = raw.Select(v => Math.Clamp(v, finite.Min(), finite.Max())).ToArray();
        var mean = clipped.Average();
        var std = Math.Sqrt(clipped.Select(v => (v - mean) * (v - mean)).Average());
        var y = clipped.Select(v => (v - mean) / Math.Max(std, MinimumStd)).ToArray();
        var usablePending = pending.Where(t => Covers(dimensions, t)).ToList();
        var noiseScale = complete.Any(t => t.Weight != 1.0) ? complete.Select(t => 1.0 / t.Weight).ToArray() : null;
        return new(Coordinates(dimensions, complete), y, Coordinates(dimensions, usablePending), dimensions.Count, noiseScale);
    }

    /// <summary>Whether the trial has a value inside the distribution for every dimension.</summary>
    public static bool Covers(IReadOnlyList<GpDimension> dimensions, FrozenTrial trial) =>
        dimensions.All(d => trial.Params.TryGetValue(d.Spec.Name, out var value) && d.Spec.Distribution.Contains(value));

    private static double[] Coordinates(IReadOnlyList<GpDimension> dimensions, IReadOnlyList<FrozenTrial> trials)
    {
        var x = new double[trials.Count * dimensions.Count];
        for (var i = 0; i < trials.Count; i++)
        {
            for (var d = 0; d < dimensions.Count; d++)
            {
                x[i * dimensions.Count + d] = dimensions[d].Normalize(trials[i].Params[dimensions[d].Spec.Name]);
            }
        }

        return x;
    }
}
