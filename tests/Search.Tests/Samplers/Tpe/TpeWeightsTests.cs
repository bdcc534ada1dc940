using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeWeightsTests
{
    [Fact]
    public void Default_IsAllOnes_BelowTwentyFiveObservations()
    {
        Assert.Equal(Enumerable.Repeat(1.0, 24), TpeWeights.Default(24));
        Assert.Empty(TpeWeights.Default(0));
    }

    [Fact]
    public void Default_RampsOldestObservations_FromOneOverNToOne()
    {
        var weights = TpeWeights.Default(30);

        // np.linspace(1 / 30, 1, num=5) followed by 25 ones.
        double[] ramp = [1.0 / 30, 1.0 / 30 + 0.25 * (29.0 / 30), 1.0 / 30 + 0.5 * (29.0 / 30), 1.0 / 30 + 0.75 * (29.0 / 30), 1.0];
        Assert.Equal(ramp, weights.Take(5), (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(Enumerable.Repeat(1.0, 25), weights.Skip(5));
    }

    [Fact]
    public void Mixture_AppendsThePriorWeight_AndNormalizes()
    {
        Assert.Equal([1.0], TpeWeights.Mixture(0, 1.0));
        Assert.Equal([0.25, 0.25, 0.25, 0.25], TpeWeights.Mixture(3, 1.0));
        Assert.Equal([0.4, 0.4, 0.2], TpeWeights.Mixture(2, 0.5));
    }
}
