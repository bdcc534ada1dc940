using Tuner.TestSupport.Sweeps;
using Tuner.Core.Definitions;

namespace Tuner.Core.Tests.Definitions;

public sealed class CostLimitTests
{
    private static string WithBudget(string budget)
    {
        var lines = DefinitionTexts.Minimal().TrimEnd('\n').Split('\n');
        lines[5] = budget;
        return DefinitionTexts.Lines(lines);
    }

    [Fact]
    public void MaxCostUsd_AloneTakesTheDefaults_AlertsAt50_80_100_AndStopOnceSpent()
    {
        var budget = DefinitionReading.Parse(WithBudget("budget: { max_trials: 4, max_cost_usd: 25 }")).Definition!.Budget;

        Assert.Equal(25m, budget.Cost!.MaxUsd);
        Assert.Equal([50, 80, 100], budget.Cost.AlertPercents);
        Assert.Equal(WhenSpent.Stop, budget.Cost.WhenSpent);
    }

    [Fact]
    public void AlertThresholds_AreSorted_AndWhenSpentReadsFinish()
    {
        var budget = DefinitionReading.Parse(WithBudget("budget: { max_trials: 4, max_cost_usd: 2.5, alert_thresholds: [90, 25, 150], when_spent: finish }")).Definition!.Budget;

        Assert.Equal(new CostLimit(2.5m, budget.Cost!.AlertPercents, WhenSpent.Finish), budget.Cost);
        Assert.Equal([25, 90, 150], budget.Cost.AlertPercents);
    }

    [Fact]
    public void ABudgetWithoutMaxCostUsd_HasNoCostLimit() =>
        Assert.Null(DefinitionReading.Parse(DefinitionTexts.Minimal()).Definition!.Budget.Cost);

    [Theory]
    [InlineData("max_cost_usd: 0", "budget.max_cost_usd", "expected dollars greater than 0 and at most 10,000,000, like 25 or 2.50, got '0'")]
    [InlineData("max_cost_usd: lots", "budget.max_cost_usd", "expected dollars greater than 0 and at most 10,000,000, like 25 or 2.50, got 'lots'")]
    [InlineData("max_cost_usd: 5, alert_thresholds: [50, 50]", "budget.alert_thresholds", "expected a list of different percentages of max_cost_usd from 1 to 1000, like [50, 80, 100], got a list")]
    [InlineData("max_cost_usd: 5, alert_thresholds: 80", "budget.alert_thresholds", "expected a list of different percentages of max_cost_usd from 1 to 1000, like [50, 80, 100], got '80'")]
    [InlineData("max_cost_usd: 5, when_spent: pause", "budget.when_spent", "unknown when_spent 'pause'; known: stop, finish")]
    [InlineData("alert_thresholds: [80]", "budget.alert_thresholds", "alert_thresholds applies to a cost limit: set max_cost_usd too")]
    public void ABadCostLimit_IsReportedAtItsKey(string keys, string path, string message)
    {
        var problem = DefinitionTexts.SingleProblem(WithBudget($"budget: {{ max_trials: 4, {keys} }}"));

        Assert.Equal((path, message), (problem.Path, problem.Message));
    }
}
