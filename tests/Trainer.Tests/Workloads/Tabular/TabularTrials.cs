using Tuner.TestSupport;
using Tuner.Trainer.Tests.TestSupport;
using Tuner.Trainer.Workloads.Tabular;
using Tuner.Workloads;

namespace Tuner.Trainer.Tests.Workloads.Tabular;

/// <summary>Small tabular-mlp trials: CSV files written to a temporary folder, the committed penguins table, specs and
/// sessions with one thread (deterministic).</summary>
internal static class TabularTrials
{
    public static string PenguinsCsv { get; } = Path.Combine(RepositoryPaths.Root, "examples", "tabular-penguins", "penguins.csv");

    public static string ChurnCsv { get; } = Path.Combine(RepositoryPaths.Root, "examples", "tabular-churn", "churn.csv");

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in <paramref name="directory"/>; its full path.</summary>
    public static string Write(TemporaryDirectory directory, string name, string text)
    {
        var path = Path.Combine(directory.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TrialSpec Spec(IReadOnlyDictionary<string, object> options, int maxEpochs = 3, int seed = 7, params (string Name, object Value)[] parameters) =>
        new(TabularMlpWorkload.Name, parameters.ToDictionary(p => p.Name, p => p.Value), options, maxEpochs, seed);

    public static TrainingEnvironment Environment() => new(System.IO.Path.GetTempPath(), Threads: 1);

    /// <summary>A session for <paramref name="spec"/> that reads through a fresh <see cref="CsvFileSource"/> (no
    /// S3 client).</summary>
    public static Task<ITrainingSession> OpenAsync(TrialSpec spec, TabularMlpWorkload? workload = null) =>
        (workload ?? new TabularMlpWorkload(new CsvFileSource(() => throw new InvalidOperationException("no S3 in this test"))))
            .OpenSessionAsync(spec, Environment(), CancellationToken.None);

    /// <summary>Trains epochs <paramref name="from"/> to <paramref name="to"/> (0-based, exclusive) and returns each
    /// epoch's validation metrics.</summary>
    public static List<IReadOnlyDictionary<string, double>> Train(ITrainingSession session, int from, int to)
    {
        var metrics = new List<IReadOnlyDictionary<string, double>>();
        for (var epoch = from; epoch < to; epoch++)
        {
            for (var batch = 0; batch < session.BatchesPerEpoch; batch++) session.TrainBatch(epoch, batch);
            metrics.Add(session.Validate());
        }
        return metrics;
    }

    /// <summary>A regression table: y = 2·x1 − 3·x2 + (group a: 0, b: 1.5, c: −1) + noise with standard deviation
    /// 0.1; x1 and x2 uniform in [-1, 1].</summary>
    public static string LinearTable(int rows, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string> { "x1,x2,group,y" };
        for (var i = 0; i < rows; i++)
        {
            var (x1, x2) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
            var group = "abc"[random.Next(3)];
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.1;
            var y = 2 * x1 - 3 * x2 + group switch { 'a' => 0, 'b' => 1.5, _ => -1 } + noise;
            lines.Add(FormattableString.Invariant($"{x1:R},{x2:R},{group},{y:R}"));
        }
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The message of the <see cref="WorkloadException"/> opening a session for <paramref name="options"/> throws.</summary>
    public static async Task<string> ErrorAsync(Dictionary<string, object> options)
    {
        var error = await Assert.ThrowsAsync<WorkloadException>(() => OpenAsync(Spec(options)));
        return error.Message;
    }
}
