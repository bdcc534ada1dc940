using TorchSharp;
using Tuner.Trainer.Data;
using Tuner.Workloads;
using static TorchSharp.torch;

namespace Tuner.Trainer.Workloads.MnistMlp;

/// <summary>Trains a <see cref="SeededMlp"/> (784 → hidden × layers → 10) on MNIST. The sample order of an epoch comes from (seed, epoch) and the
/// dropout generator is reseeded from (seed, epoch, batch) before each step, so the position is all the random state
/// a checkpoint needs besides the model and optimizer.</summary>
internal sealed class MnistMlpSession : ITrainingSession
{
    private const int EvaluationBatchSize = 1_000;

    private readonly MnistData _data;
    private readonly MnistMlpParameters _parameters;
    private readonly int _seed;
    private readonly Device _device;
    private readonly int _threads;
    private readonly int[] _trainIndices;
    private readonly long[] _validationIndices;
    private readonly Generator _generator;
    private readonly SeededMlp _model;
    private readonly TorchSharp.Modules.OptimizerHelper _optimizer;
    private (int Epoch, long[] Order)? _epochOrder;

    public MnistMlpSession(MnistData data, MnistMlpParameters parameters, MnistMlpOptions options, int seed, TrainingEnvironment env)
    {
        _data = data;
        _parameters = parameters;
        _seed = seed;
        _device = torch.device(env.Device);
        _threads = env.Threads;
        TorchThreads.Use(_threads);
        _trainIndices = data.TrainingPart.Take(options.TrainSamples ?? int.MaxValue).ToArray();
        _validationIndices = data.ValidationPart.Take(options.ValidationSamples ?? int.MaxValue).Select(i => (long)i).ToArray();
        _generator = new Generator(0);
        _model = new SeededMlp(
            "MnistMlpModel", MnistData.ImageSize, parameters.HiddenLayers, parameters.HiddenUnits, 10, parameters.Dropout, BatchSeeds.Of(_seed, -1, -1), _generator);
        _model.to(_device);
        _optimizer = parameters.Optimizer == "sgd"
            ? new Optimizers.SGD(_model.parameters(), parameters.LearningRate, parameters.Momentum, parameters.WeightDecay)
            : new Optimizers.Adam(_model.parameters(), parameters.LearningRate, parameters.WeightDecay);
        BatchesPerEpoch = (_trainIndices.Length + parameters.BatchSize - 1) / parameters.BatchSize;
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
        var images = MnistData.Normalize(_data.TrainImages.index_select(0, index)).to(_device);
        var labels = _data.TrainLabels.index_select(0, index).to(_device);
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(images), labels);
        var value = loss.item<float>();
        if (float.IsFinite(value))
        {
            loss.backward();
            _optimizer.step();
        }
        return new BatchResult(value, indices.Length);
    }

    public IReadOnlyDictionary<string, double> Validate()
    {
        var (loss, accuracy) = Evaluate(_data.TrainImages, _data.TrainLabels, _validationIndices);
        return new Dictionary<string, double> { ["val_accuracy"] = accuracy, ["val_loss"] = loss };
    }

    public IReadOnlyDictionary<string, double> Test()
    {
        var (loss, accuracy) = Evaluate(_data.TestImages, _data.TestLabels, Enumerable.Range(0, (int)_data.TestLabels.shape[0]).Select(i => (long)i).ToArray());
        return new Dictionary<string, double> { ["val_accuracy"] = accuracy, ["val_loss"] = loss };
    }

    public void SaveState(Stream destination) => TrainingState.Save(_model, _optimizer, destination);

    public void LoadState(Stream source) => TrainingState.Load(_model, _optimizer, source);

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _generator.Dispose();
    }

    private (double Loss, double Accuracy) Evaluate(Tensor allImages, Tensor allLabels, long[] indices)
    {
        TorchThreads.Use(_threads);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        _model.eval();
        double lossSum = 0;
        long correct = 0;
        foreach (var chunk in indices.Chunk(EvaluationBatchSize))
        {
            using var step = torch.NewDisposeScope();
            var index = torch.tensor(chunk);
            var labels = allLabels.index_select(0, index).to(_device);
            var logits = _model.call(MnistData.Normalize(allImages.index_select(0, index)).to(_device));
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return (lossSum / indices.Length, (double)correct / indices.Length);
    }

    private long[] OrderOf(int epoch)
    {
        if (_epochOrder is { } cached && cached.Epoch == epoch) return cached.Order;
        var order = _trainIndices.Select(i => (long)i).ToArray();
        new Random(BatchSeeds.Of(_seed, epoch, -1)).Shuffle(order);
        _epochOrder = (epoch, order);
        return order;
    }
}
