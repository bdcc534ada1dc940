using Tuner.TestSupport.Sweeps;
using System.Globalization;
using Tuner.Core.Definitions;
using Tuner.Search.Spaces;

namespace Tuner.Core.Tests.Definitions;

/// <summary>What a definition may ask of the server: each limit is reported at its path, naming the setting that raises it.</summary>
public sealed class DefinitionLimitTests
{
    private static string Budget(string budget) => DefinitionTexts.Minimal().Replace("budget: { max_trials: 4 }", $"budget: {budget}", StringComparison.Ordinal);

    [Theory]
    [InlineData("{ max_trials: 2000000000, parallelism: 2 }", "budget.max_trials", "max_trials must be at most 100000 on this server, but got 2000000000 (the operator's limit TUNER_LIMITS__MAX_TRIALS)")]
    [InlineData("{ max_trials: 4, parallelism: 2000000000 }", "budget.parallelism", "parallelism must be at most 1000 on this server, but got 2000000000 (the operator's limit TUNER_LIMITS__MAX_PARALLELISM)")]
    [InlineData("{ max_trials: 4, max_attempts: 5000 }", "budget.max_attempts", "max_attempts must be at most 100 on this server, but got 5000 (the operator's limit TUNER_LIMITS__MAX_ATTEMPTS)")]
    [InlineData("{ max_trials: 4, deadline: 9999999d }", "budget.deadline", "deadline must be at most 365d on this server, but got '9999999d' (the operator's limit TUNER_LIMITS__MAX_DEADLINE_DAYS)")]
    [InlineData("{ max_trials: 4, deadline: 366d }", "budget.deadline", "deadline must be at most 365d on this server, but got '366d' (the operator's limit TUNER_LIMITS__MAX_DEADLINE_DAYS)")]
    public void Parse_ReportsABudgetOverTheDefaultLimit_AtItsPath(string budget, string path, string message)
    {
        var problem = DefinitionTexts.SingleProblem(Budget(budget));

        Assert.Equal(new DefinitionProblem(path, message, 6), problem);
    }

    [Fact]
    public void Parse_AcceptsABudgetAtTheLimits()
    {
        var result = DefinitionReading.Parse(Budget("{ max_trials: 100000, parallelism: 1000, max_attempts: 100, deadline: 365d }"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(new BudgetSection(100_000, 1_000, TimeSpan.FromDays(365), 100), result.Definition.Budget);
    }

    [Fact]
    public void Parse_AppliesTheLimitsItIsGiven()
    {
        var limits = new DefinitionLimits { MaxTrials = 10, MaxChoices = 2 };
        var text = DefinitionTexts.Minimal("  optimizer: { type: categorical, choices: [adam, sgd, adam2] }")
            .Replace("max_trials: 4", "max_trials: 11", StringComparison.Ordinal);

        var problems = DefinitionReading.Parse(text, limits: limits).Problems;

        Assert.Equal(
            [
                new DefinitionProblem("space.optimizer.choices", "choices may have at most 2 values on this server, but got 3 (the operator's limit TUNER_LIMITS__MAX_CHOICES)", 5),
                new DefinitionProblem("budget.max_trials", "max_trials must be at most 10 on this server, but got 11 (the operator's limit TUNER_LIMITS__MAX_TRIALS)", 6),
            ],
            problems);
    }

    [Fact]
    public void Parse_ReportsASpaceWithMoreParametersThanTheLimit()
    {
        var text = DefinitionTexts.Minimal("  learning_rate: { type: float, low: 0.001, high: 0.1 }\n  dropout: 0.1");

        var problem = DefinitionTexts.SingleProblem(text, new DefinitionLimits { MaxParameters = 1 });

        Assert.Equal(new DefinitionProblem("space", "space may have at most 1 parameters on this server, but got 2 (the operator's limit TUNER_LIMITS__MAX_PARAMETERS)", 5), problem);
    }

    [Theory]
    [InlineData("idle_timeout: 31d", "capacity.idle_timeout", "idle_timeout must be at most 30d, but got '31d'")]
    [InlineData("spot_market: { preemptions_per_hour: 1, notice: 2h }", "capacity.spot_market.notice", "notice must be at most 1h, but got '2h'")]
    public void Parse_ReportsACapacityDurationOutOfRange(string entry, string path, string message)
    {
        var problem = DefinitionTexts.SingleProblem(DefinitionTexts.Minimal() + $"capacity: {{ provider: local, {entry} }}\n");

        Assert.Equal(new DefinitionProblem(path, message, 7), problem);
    }

    [Fact]
    public void Parse_Accepts60000DistinctChoices_AndStillFindsADuplicateAtTheEnd()
    {
        var choices = Enumerable.Range(1, 60_000).Select(i => (i * 1e-6).ToString("R", CultureInfo.InvariantCulture)).ToList();
        var accepted = DefinitionReading.Parse(DefinitionTexts.Minimal($"  learning_rate: {{ type: categorical, choices: [{string.Join(", ", choices)}] }}"));
        var duplicated = DefinitionReading.Parse(DefinitionTexts.Minimal(
            $"  learning_rate: {{ type: categorical, choices: [{string.Join(", ", choices)}, 0.03] }}"));

        Assert.True(accepted.Succeeded, string.Join("\n", accepted.Problems.Take(3)));
        var distribution = Assert.IsType<CategoricalDistribution>(accepted.Definition.Space.Single().Distribution);
        Assert.Equal(60_000, distribution.Choices.Count);
        Assert.Equal(59_999, distribution.IndexOf(0.06));
        var problem = Assert.Single(duplicated.Problems);
        Assert.Equal(("space.learning_rate.choices", "choices must be distinct, but '0.03' appears more than once"), (problem.Path, problem.Message));
    }
}
