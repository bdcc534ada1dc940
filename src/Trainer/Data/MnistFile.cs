namespace Tuner.Trainer.Data;

/// <summary>One of the four MNIST IDX files, with the size and magic number (2051 images, 2049 labels) it must have.</summary>
public sealed record MnistFile(string Name, long Size, int Magic)
{
    public static MnistFile TrainImages { get; } = new("train-images-idx3-ubyte", 47_040_016, 2051);
    public static MnistFile TrainLabels { get; } = new("train-labels-idx1-ubyte", 60_008, 2049);
    public static MnistFile TestImages { get; } = new("t10k-images-idx3-ubyte", 7_840_016, 2051);
    public static MnistFile TestLabels { get; } = new("t10k-labels-idx1-ubyte", 10_008, 2049);

    public static IReadOnlyList<MnistFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>Null when the file at <paramref name="path"/> has this file's size and magic number, else what is wrong.</summary>
    public string? Check(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return $"{Name} is missing";
        if (info.Length != Size) return $"{Name} must be {Size} bytes, but is {info.Length}";
        using var stream = info.OpenRead();
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        var magic = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header);
        return magic == Magic ? null : $"{Name} must start with magic number {Magic}, but starts with {magic}";
    }
}
