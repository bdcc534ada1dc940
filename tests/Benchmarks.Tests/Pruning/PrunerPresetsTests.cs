using Tuner.Benchmarks.Pruning;
using Tuner.Search.Pruners;

namespace Tuner.Benchmarks.Tests.Pruning;

public sealed class PrunerPresetsTests
{
    public static TheoryData<string> Kinds() => [.. PrunerCatalog.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_BuildsEveryCataloguedPruner_WithTheSettingsItNeeds(string kind)
    {
        Assert.NotNull(PrunerPresets.Create(kind));
    }

    [Fact]
    public void For_GivesHyperbandTheCurvesLength_AsItsMaxResource()
    {
        Assert.Equal(LearningCurve.MaxSteps, PrunerPresets.For("hyperband").MaxResource);
    }
}
