using SampleDependency;
using Tuner.Workloads;

namespace SamplePlugins;

/// <summary>"linear": fits y = 3x − 1 by stochastic gradient descent on a fixed, seeded data set. Every batch is a pure
/// function of the state and the position, so a resumed session continues exactly. Options: <c>fail_at</c> makes
/// training throw at that (1-based) batch of the first epoch, <c>fail_saving</c> makes saving throw, <c>nan_validation</c>
/// makes validation report NaN, <c>batch_delay_ms</c> slows every batch down.</summary>
public sealed class LinearWorkload : IWorkload
{
    public string Kind => "linear";

    public IReadOnlyList<WorkloadParameter> Parameters { get; } =
        [new("learning_rate", "step size (> 0)", 0.05), new("batch_size", "samples per step (1 to 64)", 8)];

    public IReadOnlyList<WorkloadOption> Options { get; } =
        [
            new("fail_at", "throw while training this batch of the first epoch"),
            new("fail_saving", "throw while saving state"),
            new("nan_validation", "report NaN from validation"),
            new("batch_delay_ms", "sleep this long in every batch, so a test can kill a worker mid-trial"),
        ];

    public IReadOnlyList<WorkloadMetric> Metrics { get; } = [new("val_loss", MetricGoal.Minimize)];

    public IReadOnlyList<string> ValidateParams(IReadOnlyDictionary<string, object> parameters) => Read(parameters).Problems;

    public IReadOnlyList<string> ValidateOptions(IReadOnlyDictionary<string, object> options)
    {
        var reader = new WorkloadOptionReader(options, Options);
        reader.Integer("fail_at", min: 1);
        reader.Flag("fail_saving");
        reader.Flag("nan_validation");
        reader.Integer("batch_delay_ms", min: 0);
        return reader.Problems;
    }

    public Task<ITrainingSession> OpenSessionAsync(TrialSpec spec, TrainingEnvironment environment, CancellationToken ct)
    {
        var (learningRate, batchSize, problems) = Read(spec.Params);
        if (problems.Count > 0) throw new WorkloadException($"invalid linear trial: {string.Join("; ", problems)}");
        var options = new WorkloadOptionReader(spec.Options, Options);
        var failAt = options.Integer("fail_at");
        var failSaving = options.Flag("fail_saving") ?? false;
        var nanValidation = options.Flag("nan_validation") ?? false;
        var delay = TimeSpan.FromMilliseconds(options.Integer("batch_delay_ms") ?? 0);
        return Task.FromResult<ITrainingSession>(new LinearSession(learningRate, batchSize, spec.Seed, (int?)failAt, failSaving, nanValidation, delay));
    }

    private (double LearningRate, int BatchSize, IReadOnlyList<string> Problems) Read(IReadOnlyDictionary<string, object> values)
    {
        var reader = new WorkloadParameterReader(values, Parameters);
        var rate = reader.Number("learning_rate", v => v > 0, "greater than 0");
        var batch = reader.Integer("batch_size", 1, 64);
        return (rate, batch, reader.Problems);
    }

    private sealed class LinearSession(
        double learningRate, int batchSize, int seed, int? failAt, bool failSaving, bool nanValidation, TimeSpan delay) : ITrainingSession
    {
        private const int Samples = 64;
        private readonly double[] _x = Enumerable.Range(0, Samples).Select(i => i / (double)Samples).ToArray();
        private double _weight = new Random(seed).NextDouble();
        private double _bias;

        public int BatchesPerEpoch => (Samples + batchSize - 1) / batchSize;

        public BatchResult TrainBatch(int epoch, int batch)
        {
            if (epoch == 0 && batch + 1 == failAt) throw new InvalidOperationException($"the sample plugin fails at batch {failAt} on purpose");
            if (delay > TimeSpan.Zero) Thread.Sleep(delay);
            var order = Enumerable.Range(0, Samples).ToArray();
            new Random(unchecked(seed * 7919 + epoch)).Shuffle(order); // not HashCode.Combine: it is seeded per process
            var indices = order.Skip(batch * batchSize).Take(batchSize).ToArray();
            double gradWeight = 0, gradBias = 0, loss = 0;
            foreach (var i in indices)
            {
                var error = _weight * _x[i] + _bias - Target(_x[i]);
                gradWeight += 2 * error * _x[i];
                gradBias += 2 * error;
                loss += error * error;
            }

            var step = learningRate * StepRule.Scale(epoch) / indices.Length;
            _weight -= step * gradWeight;
            _bias -= step * gradBias;
            return new BatchResult(loss / indices.Length, indices.Length);
        }

        public IReadOnlyDictionary<string, double> Validate() =>
            new Dictionary<string, double> { ["val_loss"] = nanValidation ? double.NaN : _x.Average(x => Math.Pow(_weight * x + _bias - Target(x), 2)) };

        public IReadOnlyDictionary<string, double>? Test() => Validate();

        public void SaveState(Stream destination)
        {
            if (failSaving) throw new IOException("the sample plugin cannot save, on purpose");
            using var writer = new BinaryWriter(destination, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(_weight);
            writer.Write(_bias);
        }

        public void LoadState(Stream source)
        {
            using var reader = new BinaryReader(source, System.Text.Encoding.UTF8, leaveOpen: true);
            _weight = reader.ReadDouble();
            _bias = reader.ReadDouble();
        }

        public void Dispose()
        {
        }

        private static double Target(double x) => 3 * x - 1;
    }
}
