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
        Assert.False(((IPruner)pruner).CanPrune);
    }

    [Fact]
    public void EveryPrunerButNone_SaysItCanPrune()
    {
        Assert.True(PrunerCatalog.Create(new PrunerOptions("median")).CanPrune);
        Assert.True(PrunerCatalog.Create(new PrunerOptions("percentile", Percentile: 25)).CanPrune);
    }

    [Fact]
    public void Create_Throws_ForPercentileKindWithoutPercentile()
    {
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions("percentile")));
        Assert.Contains("needs percentile", error.Message);
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
        Assert.False(PrunerCatalog.IsKnown("wilcoxon"));
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions("wilcoxon")));
        Assert.Contains("'wilcoxon'", error.Message);
        Assert.Contains("median, percentile, asha, successive_halving, hyperband, threshold, patient, none", error.Message);
    }

    [Fact]
    public void Create_BuildsEveryPrunerKind_FromItsSettings()
    {
        Assert.IsType<Tuner.Search.Pruners.SuccessiveHalving.SuccessiveHalvingPruner>(
            PrunerCatalog.Create(new PrunerOptions("asha") { MinResource = 1, ReductionFactor = 3 }));
        Assert.IsType<Tuner.Search.Pruners.SuccessiveHalving.SuccessiveHalvingPruner>(PrunerCatalog.Create(new PrunerOptions("successive_halving")));
        var hyperband = Assert.IsType<Tuner.Search.Pruners.Hyperband.HyperbandPruner>(
            PrunerCatalog.Create(new PrunerOptions("hyperband") { MaxResource = 27, ReductionFactor = 3 }));
        Assert.Equal(27, hyperband.MaxResource);
        Assert.IsType<Tuner.Search.Pruners.Threshold.ThresholdPruner>(PrunerCatalog.Create(new PrunerOptions("threshold") { Upper = 2.5 }));
        Assert.IsType<Tuner.Search.Pruners.Patient.PatientPruner>(
            PrunerCatalog.Create(new PrunerOptions("patient") { Patience = 3, Wrapped = new PrunerOptions("median") }));
    }

    [Theory]
    [InlineData("hyperband", "max_resource")]
    [InlineData("patient", "patience")]
    public void Create_Throws_WhenARequiredSettingIsMissing(string kind, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => PrunerCatalog.Create(new PrunerOptions(kind)));
        Assert.Contains($"the {kind} pruner needs {setting}", error.Message);
    }

    [Fact]
    public void Create_PassesOutOfRangeSettingsToThePrunersCheck()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PrunerCatalog.Create(new PrunerOptions("median", IntervalSteps: 0)));
        Assert.Equal("intervalSteps", error.ParamName);
    }
}
