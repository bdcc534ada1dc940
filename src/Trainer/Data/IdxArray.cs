namespace Tuner.Trainer.Data;

/// <summary>The contents of an IDX file of unsigned bytes: its dimensions and its data in row-major order.</summary>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data)
{
    /// <summary>The size of the first dimension (the number of items).</summary>
    public int Count => Dimensions[0];

    /// <summary>The number of bytes in one item (the product of the other dimensions).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (product, d) => product * d);
}
