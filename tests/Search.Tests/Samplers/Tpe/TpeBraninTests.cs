using Tuner.Search.Samplers;
using Tuner.Search.Samplers.Tpe;

namespace Tuner.Search.Tests.Samplers.Tpe;

public class TpeBraninTests
{
    [Theory]
    [MemberData(nameof(TpeModes.Names), MemberType = typeof(TpeModes))]
    public void Tpe_BeatsRandom_OnBraninOverTenSeeds(string mode)
    {
        var tpe = new List<double>();
        var random = new List<double>();
        for (var seed = 0; seed < 10; seed++)
        {
            tpe.Add(TpeHistories.Best(new TpeSampler(seed, TpeModes.Options(mode)), TpeSpaces.Branin, TpeSpaces.BraninValue, 60));
            random.Add(TpeHistories.Best(new RandomSampler(seed), TpeSpaces.Branin, TpeSpaces.BraninValue, 60));
        }

        var tpeMedian = Median(tpe);
        var randomMedian = Median(random);
        Assert.True(tpeMedian < randomMedian, $"median best over 10 seeds: TPE {tpeMedian}, random {randomMedian}");
        Assert.True(tpeMedian < 1.5, $"median best over 10 seeds: TPE {tpeMedian} (the minimum is 0.397887)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[4] + sorted[5]) / 2;
    }
}
