using TorchSharp;
using Tuner.Workloads;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>Trains a <see cref="SeededMlp"/> on a <see cref="TabularDataset"/> with Adam. The row order of an epoch
/// comes from (seed, epoch) and the dropout generator is reseeded from (seed, epoch, batch) before each step, so the
/// position is all the random state a checkpoint needs besides the model and optimizer.</summary>
internal sealed class TabularMlpSession : ITrainingSession
{
    private const int EvaluationBatchSize = 4_096;

    private readonly TabularDataset _data;
    private readonly TabularMlpParameters _parameters;
    private readonly int _seed;
    private readonly Device _device;
    private readonly int _threads;
    private readonly Tensor _trainingInputs;
    private readonly Tensor _trainingTargets; // class indices (int64), or standardized targets [rows, 1] (float32)
    private readonly Tensor _validationInputs;
    private readonly Tensor? _testInputs;
    private readonly Tensor? _classWeights;
    private readonly Generator _generator;
    private readonly SeededMlp _model;
    private readonly Optimizers.Adam _optimizer;
    private (int Epoch, long[] Order)? _epochOrder;

    public TabularMlpSession(TabularDataset data, TabularMlpParameters parameters, int seed, TrainingEnvironment env)
    {
        _data = data;
        _parameters = parameters;
        _seed = seed;
        _device = torch.device(env.Device);
        _threads = env.Threads;
        TorchThreads.Use(_threads);
        _trainingInputs = InputsOf(data.Training);
        _trainingTargets = data.Task == TabularTask.Classification
            ? torch.tensor(data.Training.Labels)
            : torch.tensor(data.Training.Targets.Select(t => (float)((t - data.TargetMean) / data.TargetScale)).ToArray(), [data.Training.Rows, 1]);
        _validationInputs = InputsOf(data.Validation);
        _testInputs = data.Test is { } test ? InputsOf(test) : null;
        _classWeights = data.Task == TabularTask.Classification && parameters.ClassWeighting == "balanced"
            ? torch.tensor(data.ClassWeights.Select(w => (float)w).ToArray()).to(_device)
            : null;
        _generator = new Generator(0);
        _model = new SeededMlp(
            "TabularMlpModel", data.InputWidth, parameters.HiddenLayers, parameters.HiddenUnits, data.OutputWidth, parameters.Dropout,
            BatchSeeds.Of(_seed, -1, -1), _generator);
        _model.to(_device);
        _optimizer = new Optimizers.Adam(_model.parameters(), parameters.LearningRate, parameters.WeightDecay);
        BatchesPerEpoch = (data.Training.Rows + parameters.BatchSize - 1) / parameters.BatchSize;
    }

    public int BatchesPerEpoch { get; }

    public BatchResult TrainBatch(int epoch, int batch)
    {
        TorchThreads.Use(_threads);
        using var scope = torch.NewDisposeScope();
        var order = OrderOf(epoch);
        var start = batch * _parameters.BatchSize;
        var indices = order.AsSpan(start, Math.Min(_parameters.BatchSize, order.Length - start)).ToArray();
        _generator.manual_seed(BatchSeeds.Of(_seed, epoch, batch));
        _model.train();
        var index = torch.tensor(indices);
        var inputs = _trainingInputs.index_select(0, index).to(_device);
        var targets = _trainingTargets.index_select(0, index).to(_device);
        _optimizer.zero_grad();
        var outputs = _model.call(inputs);
        var loss = _data.Task == TabularTask.Classification
            ? nn.functional.cross_entropy(outputs, targets, _classWeights)
            : nn.functional.mse_loss(outputs, targets);
        var value = loss.item<float>();
        if (float.IsFinite(value))
        {
            loss.backward();
            _optimizer.step();
        }
        return new BatchResult(value, indices.Length);
    }

    public IReadOnlyDictionary<string, double> Validate() => Evaluate(_data.Validation, _validationInputs);

    public IReadOnlyDictionary<string, double>? Test() =>
        _data.Test is { } test && _testInputs is { } inputs ? Evaluate(test, inputs) : null;

    public void SaveState(Stream destination) => TrainingState.Save(_model, _optimizer, destination);

    public void LoadState(Stream source) => TrainingState.Load(_model, _optimizer, source);

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _generator.Dispose();
        _classWeights?.Dispose();
        _testInputs?.Dispose();
        _validationInputs.Dispose();
        _trainingTargets.Dispose();
        _trainingInputs.Dispose();
    }

    private IReadOnlyDictionary<string, double> Evaluate(TabularPart part, Tensor allInputs)
    {
        TorchThreads.Use(_threads);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        _model.eval();
        var outputs = new List<double>(part.Rows * _data.OutputWidth);
        for (long start = 0; start < part.Rows; start += EvaluationBatchSize)
        {
            using var step = torch.NewDisposeScope();
            var inputs = allInputs.narrow(0, start, Math.Min(EvaluationBatchSize, part.Rows - start)).to(_device);
            var result = _model.call(inputs);
            if (_data.Task == TabularTask.Classification) result = nn.functional.log_softmax(result, 1);
            outputs.AddRange(result.cpu().data<float>().ToArray().Select(v => (double)v));
        }
        return _data.Task == TabularTask.Classification
            ? TabularMetrics.Classification(outputs, part.Labels, _data.Classes.Count)
            : TabularMetrics.Regression(outputs.Select(o => o * _data.TargetScale + _data.TargetMean).ToList(), part.Targets, _data.TargetScale);
    }

    private Tensor InputsOf(TabularPart part) => torch.tensor(part.Inputs, [part.Rows, _data.InputWidth]);

    private long[] OrderOf(int epoch)
    {
        if (_epochOrder is { } cached && cached.Epoch == epoch) return cached.Order;
        var order = Enumerable.Range(0, _data.Training.Rows).Select(i => (long)i).ToArray();
        new Random(BatchSeeds.Of(_seed, epoch, -1)).Shuffle(order);
        _epochOrder = (epoch, order);
        return order;
    }
}
