using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

/// <summary>Carrying a configuration into a changed search space: numbers clamped and put on the grid, removed
/// parameters dropped from it, and a configuration dropped when a choice is gone or a new parameter has no value.</summary>
public sealed class AssignmentProjectionTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(
    [
        new ParameterSpec("learning_rate", new FloatDistribution(1e-3, 1e-2, Log: true)),
        new ParameterSpec("dropout", new FloatDistribution(0, 0.5, Step: 0.1)),
        new ParameterSpec("hidden_units", new IntDistribution(32, 256, Step: 32)),
        new ParameterSpec("optimizer", new CategoricalDistribution(["adam", "sgd"])),
        new ParameterSpec("momentum", new FloatDistribution(0, 0.99), new ParameterCondition("optimizer", ["sgd"])),
    ]);

    [Fact]
    public void Project_ClampsIntoRange_PutsValuesOnTheGrid_AndRemovesWhatTheSpaceLacks()
    {
        var projected = AssignmentProjection.Project(new Dictionary<string, object>
        {
            ["learning_rate"] = 0.05, ["dropout"] = 0.27, ["hidden_units"] = 300L, ["optimizer"] = "adam",
            ["momentum"] = 0.9, ["batch_size"] = 64L,
        }, Space);

        Assert.Null(projected.Dropped);
        Assert.Equal(0.01, (double)projected.Values!["learning_rate"]);
        Assert.Equal(0.3, (double)projected.Values["dropout"], 12);
        Assert.Equal(256L, projected.Values["hidden_units"]);
        Assert.Equal(["dropout", "hidden_units", "learning_rate", "optimizer"], projected.Values.Keys.Order());
        Assert.Empty(Space.CheckAssignment(projected.Values));
        Assert.Contains("learning_rate 0.05 → 0.01", projected.Changes);
        Assert.Contains("hidden_units 300 → 256", projected.Changes);
        Assert.Contains("batch_size removed (not in the search space)", projected.Changes);
        Assert.Contains("momentum removed (inactive)", projected.Changes);
    }

    [Fact]
    public void Project_KeepsAConfigurationThatFits_AsItIs()
    {
        var fits = new Dictionary<string, object> { ["learning_rate"] = 0.002, ["dropout"] = 0.2, ["hidden_units"] = 64L, ["optimizer"] = "sgd", ["momentum"] = 0.5 };

        var projected = AssignmentProjection.Project(fits, Space);

        Assert.Equal(fits.OrderBy(p => p.Key), projected.Values!.OrderBy(p => p.Key));
        Assert.Empty(projected.Changes);
    }

    [Theory]
    [InlineData("rmsprop", null, "optimizer 'rmsprop' is not inside")]
    [InlineData("sgd", null, "it has no value for momentum")]
    public void Project_DropsAConfiguration_WhoseChoiceIsGone_OrThatLacksANewParameter(string optimizer, object? momentum, string why)
    {
        var assignment = new Dictionary<string, object> { ["learning_rate"] = 0.002, ["dropout"] = 0.2, ["hidden_units"] = 64L, ["optimizer"] = optimizer };
        if (momentum is not null) assignment["momentum"] = momentum;

        var projected = AssignmentProjection.Project(assignment, Space);

        Assert.Null(projected.Values);
        Assert.StartsWith(why, projected.Dropped);
    }
}
