using FashionMnistCnn.Torch;
using TorchSharp;
using Tuner.Workloads;
using static TorchSharp.torch;

namespace FashionMnistCnn;

/// <summary>Trains <see cref="FashionMnistCnnModel"/> with Adam. The sample order of an epoch comes from (seed, epoch)
/// and the dropout generator is reseeded from (seed, epoch, batch) before each step, so the position is all the random
/// state a checkpoint needs besides the model and optimizer: a session restored with <see cref="LoadState"/> continues
/// bit for bit where the saved one was (on the CPU; CUDA kernels are not all deterministic).</summary>
internal sealed class FashionMnistCnnSession : ITrainingSession
{
    // Small chunks keep the activations and the unfolded convolution inputs (FashionMnistCnnModel.Convolve) in cache.
    private const int EvaluationBatchSize = 64;

    private readonly FashionMnistData _data;
    private readonly FashionMnistCnnParameters _parameters;
    private readonly int _seed;
    private readonly Device _device;
    private readonly int _threads;
    private readonly long[] _trainIndices;
    private readonly long[] _validationIndices;
    private readonly Generator _dropoutGenerator;
    private readonly FashionMnistCnnModel _model;
    private readonly Adam _optimizer;
    private (int Epoch, long[] Order)? _epochOrder;

    public FashionMnistCnnSession(FashionMnistData data, FashionMnistCnnParameters parameters, SampleCounts counts, int seed, TrainingEnvironment env)
    {
        _data = data;
        _parameters = parameters;
        _seed = seed;
        _device = torch.device(env.Device); // "cpu" or "cuda" (TUNER_DEVICE on the worker)
        _threads = env.Threads;
        TorchThreads.Use(_threads);
        _trainIndices = data.TrainingPart.Take(counts.TrainSamples).ToArray();
        _validationIndices = data.ValidationPart.Take(counts.ValidationSamples).ToArray();
        _dropoutGenerator = new Generator(0);
        _model = new FashionMnistCnnModel(parameters, SeedOf(_seed, -1, -1), _dropoutGenerator);
        _model.to(_device);
        _optimizer = new Adam(_model.parameters(), parameters.LearningRate, parameters.WeightDecay);
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
        _dropoutGenerator.manual_seed(SeedOf(_seed, epoch, batch));
        _model.train();
        var index = torch.tensor(indices);
        var images = FashionMnistData.Normalize(_data.Images.index_select(0, index)).to(_device);
        var labels = _data.Labels.index_select(0, index).to(_device);
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(images), labels);
        var value = loss.item<float>();
        if (float.IsFinite(value)) // a diverged step is reported, not applied; Tuner fails the trial on it
        {
            loss.backward();
            _optimizer.step();
        }
        return new BatchResult(value, indices.Length);
    }

    public IReadOnlyDictionary<string, double> Validate() => Evaluate(_validationIndices);

    public IReadOnlyDictionary<string, double> Test() => Evaluate(_data.TestPart);

    public void SaveState(Stream destination)
    {
        using var writer = new BinaryWriter(destination, System.Text.Encoding.UTF8, leaveOpen: true);
        _model.save(writer);
        _optimizer.save_state_dict(writer);
    }

    public void LoadState(Stream source)
    {
        using var reader = new BinaryReader(source, System.Text.Encoding.UTF8, leaveOpen: true);
        ModuleStateLoader.LoadInPlace(_model, reader);
        _optimizer.load_state_dict(reader);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _dropoutGenerator.Dispose();
    }

    private Dictionary<string, double> Evaluate(IReadOnlyList<long> indices)
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
            var labels = _data.Labels.index_select(0, index).to(_device);
            var logits = _model.call(FashionMnistData.Normalize(_data.Images.index_select(0, index)).to(_device));
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(labels).sum().item<long>();
        }
        return new Dictionary<string, double>
        {
            ["val_accuracy"] = (double)correct / indices.Count,
            ["val_loss"] = lossSum / indices.Count,
        };
    }

    private long[] OrderOf(int epoch)
    {
        if (_epochOrder is { } cached && cached.Epoch == epoch) return cached.Order;
        var order = _trainIndices.ToArray();
        new Random(SeedOf(_seed, epoch, -1)).Shuffle(order);
        _epochOrder = (epoch, order);
        return order;
    }

    // A well-mixed 31-bit seed for one (trial seed, epoch, batch); -1 marks "not a batch" (initialization, shuffling).
    private static int SeedOf(int seed, int epoch, int batch)
    {
        var h = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)epoch * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)batch * 0x165667B19E3779F9UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        return (int)(h & 0x7FFF_FFFF);
    }
}
