using Tuner.Search.Samplers.Grid;

namespace Tuner.Search.Tests.Samplers.Grid;

public class GridLayoutTests
{
    [Fact]
    public void EncodeOfDecode_IsTheIndex_ForEveryIndexOfAConditionalGrid()
    {
        var layout = GridLayout.Create(GridSpaces.Conditional);

        for (var index = 0L; index < layout.Size; index++)
        {
            Assert.Equal(index, layout.Encode(layout.Decode(index)));
        }
    }

    [Fact]
    public void Encode_IsMinusOne_ForInactiveOrMissingOrUnknownParameters()
    {
        var layout = GridLayout.Create(GridSpaces.Conditional);

        Assert.Equal(-1, layout.Encode(new Dictionary<string, object> { ["optimizer"] = "adam", ["batch_size"] = 32L, ["momentum"] = 0.5 }));
        Assert.Equal(-1, layout.Encode(new Dictionary<string, object> { ["optimizer"] = "sgd", ["batch_size"] = 32L }));
        Assert.Equal(-1, layout.Encode(new Dictionary<string, object> { ["optimizer"] = "adam", ["batch_size"] = 32L, ["other"] = 1L }));
        Assert.True(layout.Encode(new Dictionary<string, object> { ["optimizer"] = "adam", ["batch_size"] = 32L }) >= 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(1000)]
    [InlineData(4099)]
    public void Permutation_VisitsEveryIndexOnce(int size)
    {
        var permutation = new GridPermutation(size, 9);

        var visited = Enumerable.Range(0, size).Select(p => permutation.At(p)).ToList();

        Assert.Equal(Enumerable.Range(0, size).Select(i => (long)i), visited.Order());
    }
}
