using Tuner.Search.Samplers.Sobol;

namespace Tuner.Search.Tests.Samplers.Sobol;

public class SobolSequenceTests
{
    private static double At(uint index, int dimension) => SobolSequence.Point(index, dimension) / 4294967296.0;

    [Fact]
    public void Point_GivesTheKnownFirstPoints_OfTheFirstThreeDimensions()
    {
        double[] first = [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125];
        double[] second = [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625];
        double[] third = [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375];

        Assert.Equal(first, Enumerable.Range(0, 8).Select(i => At((uint)i, 0)));
        Assert.Equal(second, Enumerable.Range(0, 8).Select(i => At((uint)i, 1)));
        Assert.Equal(third, Enumerable.Range(0, 8).Select(i => At((uint)i, 2)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    public void FirstPowerOfTwoPoints_OfDimensionsOneAndTwo_PutOnePointInEveryElementaryCell(int k)
    {
        var points = Enumerable.Range(0, 1 << k).Select(i => (At((uint)i, 0), At((uint)i, 1))).ToList();

        for (var a = 0; a <= k; a++)
        {
            var cells = points.Select(p => ((int)(p.Item1 * (1 << a)), (int)(p.Item2 * (1 << (k - a))))).ToList();
            Assert.Equal(1 << k, cells.Distinct().Count());
        }
    }

    [Fact]
    public void FirstPowerOfTwoPoints_OfEveryDimension_PutOnePointInEveryInterval()
    {
        const int k = 12;
        for (var dimension = 0; dimension < SobolSequence.Dimensions; dimension++)
        {
            var cells = Enumerable.Range(0, 1 << k).Select(i => SobolSequence.Point((uint)i, dimension) >> (32 - k)).Distinct().Count();
            Assert.Equal(1 << k, cells);
        }
    }

    [Fact]
    public void Dimensions_AreAtLeast21()
    {
        Assert.True(SobolSequence.Dimensions >= 21, $"got {SobolSequence.Dimensions}");
    }
}
