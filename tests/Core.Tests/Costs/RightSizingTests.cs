using Tuner.Core.Costs;

namespace Tuner.Core.Tests.Costs;

public sealed class RightSizingTests
{
    private static readonly string[] Types = ["g5.xlarge", "g4dn.xlarge"];

    // g5: 20 s/epoch at $0.40/h = $0.002222/epoch; g4dn: 60 s/epoch at $0.20/h = $0.003333/epoch.
    private static readonly TypeMeasurement G5 = new("g5.xlarge", 10, 200, 0.022222m);
    private static readonly TypeMeasurement G4dn = new("g4dn.xlarge", 10, 600, 0.033333m);

    [Fact]
    public void Choose_PutsTheLowestMeasuredCostPerEpochFirst_NotTheLowestHourlyPrice()
    {
        var choice = RightSizing.Choose(["g4dn.xlarge", "g5.xlarge"], [G4dn, G5], null, 100, 4);

        Assert.Equal(["g5.xlarge", "g4dn.xlarge"], choice.Order);
        Assert.Equal(
            "instance types by measured cost per epoch: g5.xlarge $0.002222/epoch (20 s/epoch over 10 epochs), g4dn.xlarge $0.003333/epoch (60 s/epoch over 10 epochs); launching g5.xlarge first",
            choice.Why);
    }

    [Fact]
    public void Choose_TriesATypeNotYetMeasuredFirst_SoThatItGetsMeasured()
    {
        var choice = RightSizing.Choose(Types, [G5 with { Epochs = 5 }, G4dn with { Epochs = 2 }], null, 100, 4);

        Assert.Equal(["g4dn.xlarge", "g5.xlarge"], choice.Order);
        Assert.Contains("not yet measured, tried first: g4dn.xlarge", choice.Why);
    }

    [Fact]
    public void Choose_SkipsTheCheaperType_WhenItWouldMissTheDeadline()
    {
        // 1,000 epochs left on 2 machines, 3 hours to go: g5 needs ~2h47m, g4dn (made cheaper here) ~8h20m.
        var cheapButSlow = G4dn with { Usd = 0.010000m };
        var choice = RightSizing.Choose(Types, [G5, cheapButSlow], TimeSpan.FromHours(3), 1_000, 2);

        Assert.Equal(["g5.xlarge", "g4dn.xlarge"], choice.Order);
        Assert.Contains("g4dn.xlarge would miss the deadline (about 8h20m of work left on 2 machines, 3h00m until the deadline)", choice.Why);
    }

    [Fact]
    public void Choose_KeepsThePoolsOrder_WithOneType_OrNothingMeasured()
    {
        var single = RightSizing.Choose(["g5.xlarge"], [G5], null, 10, 1);
        Assert.Equal(["g5.xlarge"], single.Order);
        Assert.Null(single.Why);
        var none = RightSizing.Choose(Types, [G4dn with { Epochs = 1 }], null, 10, 1);
        Assert.Equal(Types, none.Order);
        Assert.Null(none.Why);
    }
}
