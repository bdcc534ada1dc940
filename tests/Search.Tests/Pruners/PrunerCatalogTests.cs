using Tuner.Search.Pruners;

namespace Tuner.Search.Tests.Pruners;

public class PrunerCatalogTests
{
    [Fact]
    public void Create_BuildsMedianPruner_WithTheGivenSettings()
    {
        var pruner = Assert.IsType<MedianPruner>(PrunerCatalog.Create(new PrunerOptions("median", StartupTrials: 3, WarmupSteps: 2, IntervalSteps: 4, MinTrials: 2)));
        Assert.Equal((50.0, 3, 2, 4, 2), (pruner.Percentile, pruner.StartupTrials, pruner.WarmupSteps, pruner.IntervalSteps, pruner.MinTrials));
    }

    [Fact]
    public void Create_BuildsPercentilePruner_WithItsPercentile()
    {
        var pruner = Assert.IsType<PercentilePruner>(PrunerCatalog.Create(new PrunerOptions("percentile", Percentile: 25)));
        Assert.Equal(25, pruner.Percentile);
    }

    [Fact]
    public void Create_BuildsNopPruner_ForNone()
    {
        var pruner = Assert.IsType<NopPruner>(PrunerCatalog.Create(new PrunerOptions("None")));
        var trial = Trials.Running(1, (0, double.NaN));
        Assert.False(pruner.ShouldPrune(new PruningContext(StudyDirection.Minimize, [Trials.Complete(0, (0, 1))], trial)));
    }

    [Fact]
    public void Create_Throws_ForPercentileKindWithoutPercentile()
    {
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions("percentile")));
        Assert.Contains("needs a percentile", error.Message);
    }

    [Fact]
    public void Create_Throws_ForPercentileGivenToMedian()
    {
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions("median", Percentile: 25)));
        Assert.Contains("percentile=25", error.Message);
    }

    [Fact]
    public void Create_Throws_NamingUnknownKindAndKnownKinds()
    {
        Assert.False(PrunerCatalog.IsKnown("hyperband"));
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions("hyperband")));
        Assert.Contains("'hyperband'", error.Message);
        Assert.Contains("median, percentile, none", error.Message);
    }

    [Fact]
    public void Create_PassesOutOfRangeSettingsToThePrunersCheck()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PrunerCatalog.Create(new PrunerOptions("median", IntervalSteps: 0)));
        Assert.Equal("intervalSteps", error.ParamName);
    }
}
