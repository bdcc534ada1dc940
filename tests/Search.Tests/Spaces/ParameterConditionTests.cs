using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

public class ParameterConditionTests
{
    [Fact]
    public void Matches_ComparesNumbersNumerically()
    {
        var condition = new ParameterCondition("batch_size", [64L]);
        Assert.True(condition.Matches(64.0));
        Assert.True(condition.Matches(64));
        Assert.False(condition.Matches(65L));
        Assert.False(condition.Matches("64"));
    }

    [Fact]
    public void Equals_ComparesValuesBySequence()
    {
        var a = new ParameterCondition("optimizer", new List<object> { "sgd" });
        var b = new ParameterCondition("optimizer", new object[] { "sgd" });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new ParameterCondition("optimizer", ["adam"]));
        Assert.Equal(new ParameterSpec("m", new FloatDistribution(0, 1), a), new ParameterSpec("m", new FloatDistribution(0, 1), b));
    }
}
