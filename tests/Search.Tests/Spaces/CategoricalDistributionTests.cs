using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

public class CategoricalDistributionTests
{
    [Fact]
    public void Equals_ComparesChoicesBySequence()
    {
        var a = new CategoricalDistribution(new List<object> { "adam", "sgd" });
        var b = new CategoricalDistribution(new object[] { "adam", "sgd" });
        var c = new CategoricalDistribution(new object[] { "sgd", "adam" });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.Equal<Distribution>(a, b);
    }

    [Fact]
    public void Choices_NormalizeIntToLong()
    {
        var distribution = new CategoricalDistribution([32, 64, 0.5f]);
        Assert.Equal([32L, 64L, 0.5], distribution.Choices);
        Assert.Equal(new CategoricalDistribution([32L, 64L, 0.5]), distribution);
    }

    [Fact]
    public void ToInternal_IsTheIndex_AndComparesNumbersNumerically()
    {
        var distribution = new CategoricalDistribution([32L, 64L, 128L]);
        Assert.Equal(1, distribution.ToInternal(64.0));
        Assert.Equal(1, distribution.ToInternal(64));
        Assert.Equal(128L, distribution.ToExternal(2));
    }

    [Fact]
    public void ToInternal_Throws_ForValueNotAmongChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => new CategoricalDistribution(["adam", "sgd"]).ToInternal("rmsprop"));
        Assert.Contains("'rmsprop' is not one of the choices ['adam', 'sgd']", error.Message);
    }

    [Fact]
    public void ToExternal_Throws_ForIndexOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CategoricalDistribution(["adam"]).ToExternal(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CategoricalDistribution(["adam", "sgd"]).ToExternal(0.5));
    }

    [Fact]
    public void Contains_DoesNotConfuseBoolWithNumbersOrText()
    {
        var distribution = new CategoricalDistribution([true, 1L, "false"]);
        Assert.True(distribution.Contains(true));
        Assert.True(distribution.Contains(1.0));
        Assert.False(distribution.Contains(false));
        Assert.Equal(0, distribution.IndexOf(true));
    }

    [Fact]
    public void Validate_RejectsEmptyChoices()
    {
        Assert.Equal(["choices must not be empty"], new CategoricalDistribution([]).Validate());
    }

    [Fact]
    public void Validate_ListsDuplicatesUnsupportedTypesAndNaN()
    {
        var problems = new CategoricalDistribution(["a", 64L, 64.0, new DateOnly(2024, 1, 1), double.NaN]).Validate();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p == "choices must be distinct, but got 64 at index 1 and 2");
        Assert.Contains(problems, p => p.StartsWith("choices must be strings, numbers or booleans, but got choices[3]="));
        Assert.Contains(problems, p => p == "choices must not contain NaN, but got choices[4]=NaN");
    }

    [Fact]
    public void IndexOf_FindsEachOf60000Choices_AndValidateReportsOnlyTheOneDuplicate()
    {
        var choices = Enumerable.Range(0, 60_000).Select(i => (object)(long)i).Append(59_999.0).ToList();
        var distribution = new CategoricalDistribution(choices);

        Assert.All(Enumerable.Range(0, 60_000), i => Assert.Equal(i, distribution.IndexOf((double)i)));
        Assert.Equal(["choices must be distinct, but got 59999 at index 59999 and 60000"], distribution.Validate());
    }

    [Fact]
    public void IndexOf_UsesTheNewChoices_AfterAWithExpression()
    {
        var distribution = new CategoricalDistribution(["adam", "sgd"]);
        Assert.Equal(1, distribution.IndexOf("sgd"));

        var changed = distribution with { Choices = ["sgd", "rmsprop"] };

        Assert.Equal(0, changed.IndexOf("sgd"));
        Assert.Equal(-1, changed.IndexOf("adam"));
        Assert.Equal(1, distribution.IndexOf("sgd"));
    }
}
