namespace Tuner.Search.Tests;

public sealed class ObjectiveOrderTests
{
    [Theory]
    [InlineData(StudyDirection.Maximize, 0.9, 0.8, true)]
    [InlineData(StudyDirection.Maximize, 0.8, 0.9, false)]
    [InlineData(StudyDirection.Minimize, 0.8, 0.9, true)]
    [InlineData(StudyDirection.Minimize, 0.9, 0.8, false)]
    [InlineData(StudyDirection.Maximize, 0.9, 0.9, false)]
    [InlineData(StudyDirection.Minimize, 0.9, 0.9, false)]
    public void IsBetter_FollowsTheDirection_AndATieKeepsTheIncumbent(StudyDirection direction, double candidate, double incumbent, bool better)
    {
        Assert.Equal(better, direction.IsBetter(candidate, incumbent));
    }

    [Theory]
    [InlineData(StudyDirection.Maximize)]
    [InlineData(StudyDirection.Minimize)]
    public void IsBetter_TakesAnyNumberOverNothing_ButNeverNaN(StudyDirection direction)
    {
        Assert.True(direction.IsBetter(-1e300, null));
        Assert.False(direction.IsBetter(double.NaN, null));
        Assert.False(direction.IsBetter(double.NaN, 0.5));
    }

    [Fact]
    public void BestFirst_OrdersByValueInTheDirection_ThenTheEarlierTrial()
    {
        (int Number, double? Value)[] trials = [(0, 0.5), (1, 0.9), (2, 0.9), (3, 0.1)];

        var maximized = trials.BestFirst(StudyDirection.Maximize, t => t.Value, t => t.Number).Select(t => t.Number);
        var minimized = trials.BestFirst(StudyDirection.Minimize, t => t.Value, t => t.Number).Select(t => t.Number);

        Assert.Equal([1, 2, 0, 3], maximized);
        Assert.Equal([3, 0, 1, 2], minimized);
    }
}
