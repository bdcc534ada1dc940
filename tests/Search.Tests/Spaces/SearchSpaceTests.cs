using Tuner.Search.Spaces;

namespace Tuner.Search.Tests.Spaces;

public class SearchSpaceTests
{
    private static readonly ParameterSpec Optimizer = new("optimizer", new CategoricalDistribution(["adam", "sgd"]));
    private static readonly ParameterSpec Momentum = new("momentum", new FloatDistribution(0.5, 0.99), new("optimizer", ["sgd"]));
    private static readonly ParameterSpec Nesterov = new("nesterov", new CategoricalDistribution([true, false]), new("momentum", [0.9]));

    [Fact]
    public void Create_KeepsDeclarationOrder_WhenParentsComeFirst()
    {
        var space = SearchSpace.Create([Optimizer, Momentum, Nesterov]);
        Assert.Equal(["optimizer", "momentum", "nesterov"], space.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Create_PutsParentsBeforeChildren_WhenDeclaredAfterThem()
    {
        var learningRate = new ParameterSpec("learning_rate", new FloatDistribution(1e-4, 1e-1, Log: true));
        var space = SearchSpace.Create([Nesterov, learningRate, Momentum, Optimizer]);
        Assert.Equal(["optimizer", "momentum", "nesterov", "learning_rate"], space.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Validate_ListsEveryProblem_AndNamesTheParameter()
    {
        ParameterSpec[] specs =
        [
            new("lr", new FloatDistribution(0, 1, Log: true)),
            new("lr", new FloatDistribution(5, 1)),
            new("batch", new CategoricalDistribution([])),
            new("momentum", new FloatDistribution(0, 1), new("solver", ["sgd"])),
            new("beta", new FloatDistribution(0, 1), new("optimizer", ["rmsprop"])),
            Optimizer,
        ];

        var problems = SearchSpace.Validate(specs);

        Assert.Equal(
            [
                new("lr", "log scale needs low > 0, but got low=0"),
                new("lr", "low must be less than or equal to high, but got low=5, high=1"),
                new("batch", "choices must not be empty"),
                new("lr", "names must be unique, but 'lr' is declared 2 times"),
                new("momentum", "condition refers to unknown parent 'solver'; known parameters: lr, batch, momentum, beta, optimizer"),
                new SearchSpaceProblem("beta", "condition value 'rmsprop' is not a possible value of parent 'optimizer' (categorical ['adam', 'sgd'])"),
            ],
            problems);
    }

    [Fact]
    public void Validate_RejectsConditionValueOutsideNumericParentRange()
    {
        ParameterSpec[] specs =
        [
            new("layers", new IntDistribution(1, 4)),
            new("width", new IntDistribution(8, 64), new("layers", [2L, 7L])),
        ];

        var problem = Assert.Single(SearchSpace.Validate(specs));
        Assert.Equal(new SearchSpaceProblem("width", "condition value 7 is not a possible value of parent 'layers' (int [1, 4])"), problem);
    }

    [Fact]
    public void Validate_RejectsCycles_AndSelfReference()
    {
        ParameterSpec[] specs =
        [
            new("a", new CategoricalDistribution(["x"]), new("b", ["x"])),
            new("b", new CategoricalDistribution(["x"]), new("a", ["x"])),
            new("c", new CategoricalDistribution(["x"]), new("c", ["x"])),
        ];

        var problems = SearchSpace.Validate(specs);

        Assert.Equal(
            [
                new("a", "conditions must not form a cycle, but got a -> b -> a"),
                new("b", "conditions must not form a cycle, but got b -> a -> b"),
                new SearchSpaceProblem("c", "condition parent must be another parameter, but 'c' refers to itself"),
            ],
            problems);
    }

    [Fact]
    public void Validate_RejectsEmptyNamesAndEmptyConditionValues()
    {
        ParameterSpec[] specs =
        [
            new(" ", new FloatDistribution(0, 1)),
            Optimizer,
            new("momentum", new FloatDistribution(0, 1), new("optimizer", [])),
        ];

        var problems = SearchSpace.Validate(specs);

        Assert.Equal(
            [
                new("#0", "name must not be empty, but got ' '"),
                new SearchSpaceProblem("momentum", "condition values must not be empty (condition on 'optimizer')"),
            ],
            problems);
    }

    [Fact]
    public void Create_Throws_WithEveryProblemInTheMessage()
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.Create(
        [
            new("lr", new FloatDistribution(0, 1, Log: true)),
            new("batch", new CategoricalDistribution([])),
        ]));

        Assert.Equal(2, error.Problems.Count);
        Assert.Equal(
            "the search space has 2 problems: lr: log scale needs low > 0, but got low=0; batch: choices must not be empty",
            error.Message);
    }

    [Fact]
    public void IsActive_FollowsConditionsThroughGrandparents()
    {
        var space = SearchSpace.Create([Optimizer, Momentum, Nesterov]);

        Assert.True(space.IsActive(Nesterov, new Dictionary<string, object> { ["optimizer"] = "sgd", ["momentum"] = 0.9 }));
        Assert.False(space.IsActive(Nesterov, new Dictionary<string, object> { ["optimizer"] = "sgd", ["momentum"] = 0.8 }));
        Assert.False(space.IsActive(Nesterov, new Dictionary<string, object> { ["optimizer"] = "adam", ["momentum"] = 0.9 }));
        Assert.False(space.IsActive(Momentum, new Dictionary<string, object>()));
        Assert.True(space.IsActive(Optimizer, new Dictionary<string, object>()));
    }

    [Fact]
    public void CheckAssignment_ListsMissingInactiveUnknownAndOutOfRangeValues()
    {
        var space = SearchSpace.Create([Optimizer, Momentum]);
        var assignment = new Dictionary<string, object> { ["optimizer"] = "rmsprop", ["momentum"] = 0.9, ["depth"] = 3L };

        var problems = space.CheckAssignment(assignment);

        Assert.Equal(
            [
                new("optimizer", "value 'rmsprop' is not inside categorical ['adam', 'sgd']"),
                new("momentum", "parameter is inactive (when optimizer in ['sgd']) but has value 0.9"),
                new SearchSpaceProblem("depth", "not a parameter of this search space; known parameters: optimizer, momentum"),
            ],
            problems);
        Assert.Equal(
            [new SearchSpaceProblem("momentum", "parameter is active but has no value")],
            space.CheckAssignment(new Dictionary<string, object> { ["optimizer"] = "sgd" }));
    }
}
