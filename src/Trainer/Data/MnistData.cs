using System.Collections.Concurrent;
using TorchSharp;
using Tuner.Trainer.Workloads;
using static TorchSharp.torch;

namespace Tuner.Trainer.Data;

/// <summary>MNIST in memory, loaded once per process and data folder (workers run many trials). The 60,000 training
/// images are split into a training part (54,000) and a validation part (6,000) by a fixed seed that does not depend on
/// any trial; the 10,000 test images are kept apart for the final evaluation of the best model.</summary>
public sealed class MnistData
{
    public const int ImageSize = 28 * 28;
    public const int ValidationCount = 6_000;
    public const int ValidationSplitSeed = 60_000;

    private static readonly ConcurrentDictionary<string, Lazy<Task<MnistData>>> Cache = new();

    private MnistData(IdxArray trainImages, IdxArray trainLabels, IdxArray testImages, IdxArray testLabels)
    {
        TrainImages = ToTensor(trainImages.Data, [trainImages.Count, ImageSize]);
        TrainLabels = ToLabels(trainLabels);
        TestImages = ToTensor(testImages.Data, [testImages.Count, ImageSize]);
        TestLabels = ToLabels(testLabels);
        var order = Enumerable.Range(0, trainImages.Count).ToArray();
        new Random(ValidationSplitSeed).Shuffle(order);
        ValidationPart = order[..ValidationCount];
        TrainingPart = order[ValidationCount..];
    }

    /// <summary>All 60,000 training-file images as bytes, [60000, 784].</summary>
    public Tensor TrainImages { get; }

    /// <summary>All 60,000 training-file labels, int64.</summary>
    public Tensor TrainLabels { get; }

    /// <summary>The 10,000 test images as bytes, [10000, 784].</summary>
    public Tensor TestImages { get; }

    public Tensor TestLabels { get; }

    /// <summary>Indices into <see cref="TrainImages"/> that training uses (54,000), in a fixed random order.</summary>
    public IReadOnlyList<int> TrainingPart { get; }

    /// <summary>Indices into <see cref="TrainImages"/> held out for validation (6,000), in a fixed random order.</summary>
    public IReadOnlyList<int> ValidationPart { get; }

    /// <summary>Downloads the files when missing (see <see cref="MnistFiles"/>) and loads them, once per folder.</summary>
    public static async Task<MnistData> LoadAsync(string dataDirectory, CancellationToken ct)
    {
        var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        var lazy = Cache.GetOrAdd(key, k => new Lazy<Task<MnistData>>(() => ReadAsync(k)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<MnistData>>>(key, lazy));
            throw;
        }
    }

    // Held for the life of the process (TorchScalars).
    private static readonly Scalar ByteRange = TorchScalars.Hold(255);
    private static readonly Scalar Mean = TorchScalars.Hold(0.1307);
    private static readonly Scalar StandardDeviation = TorchScalars.Hold(0.3081);

    /// <summary>Scales bytes to [0, 1] and normalizes with MNIST's mean and standard deviation.</summary>
    public static Tensor Normalize(Tensor images) =>
        images.to(ScalarType.Float32).div_(ByteRange).sub_(Mean).div_(StandardDeviation);

    private static async Task<MnistData> ReadAsync(string dataDirectory)
    {
        await MnistFiles.EnsureAsync(dataDirectory, CancellationToken.None);
        async Task<IdxArray> Read(MnistFile file) =>
            await IdxReader.ReadAsync(Path.Join(dataDirectory, file.Name), CancellationToken.None);
        return new MnistData(
            await Read(MnistFile.TrainImages), await Read(MnistFile.TrainLabels),
            await Read(MnistFile.TestImages), await Read(MnistFile.TestLabels));
    }

    private static Tensor ToTensor(byte[] data, long[] shape) => torch.tensor(data, shape).DetachFromDisposeScope();

    // The byte labels are disposed here rather than left to the finalizer (which would change the count of live
    // tensors at some later collection, in the middle of a trial).
    private static Tensor ToLabels(IdxArray labels)
    {
        using var bytes = ToTensor(labels.Data, [labels.Count]);
        return bytes.to(ScalarType.Int64).DetachFromDisposeScope();
    }
}
