using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>budget: { max_trials, parallelism, deadline, max_attempts, max_lost_runs, max_cost_usd,
/// alert_thresholds, when_spent }</c>.</summary>
internal static class BudgetReader
{
    private static readonly string[] Keys = ["max_trials", "parallelism", "deadline", "max_attempts", "max_lost_runs", "max_cost_usd", "alert_thresholds", "when_spent"];
    private static readonly string[] WhenSpentValues = ["stop", "finish"];


    public static BudgetSection? Read(MappingReader document, DefinitionLimits limits)
    {
        var section = document.Section("budget", Keys, required: true);
        if (section is null) return null;

        var maxTrials = Bounded(section, "max_trials", required: true, limits.MaxTrials, "MAX_TRIALS");
        var parallelism = Bounded(section, "parallelism", required: false, limits.MaxParallelism, "MAX_PARALLELISM") ?? 1;
        var maxAttempts = Bounded(section, "max_attempts", required: false, limits.MaxAttempts, "MAX_ATTEMPTS") ?? 1;
        var maxLostRuns = section.Int("max_lost_runs", required: false, min: 1) ?? BudgetSection.DefaultMaxLostRuns;
        var deadline = ReadDeadline(section, limits);
        var cost = ReadCostLimit(section);
        return maxTrials is null ? null : new BudgetSection(maxTrials.Value, parallelism, deadline, maxAttempts, maxLostRuns) { Cost = cost };
    }

    private static CostLimit? ReadCostLimit(MappingReader section)
    {
        var maxUsd = ReadMaxUsd(section);
        var alerts = ReadAlertPercents(section);
        var whenSpent = section.OneOf("when_spent", WhenSpentValues, "when_spent", required: false);
        if (section.Find("max_cost_usd") is null)
        {
            foreach (var key in new[] { "alert_thresholds", "when_spent" })
            {
                if (section.Find(key) is { } node) section.Problems.Add(section.PathOf(key), $"{key} applies to a cost limit: set max_cost_usd too", node);
            }

            return null;
        }

        return maxUsd is null ? null : new CostLimit(maxUsd.Value, alerts ?? CostLimit.DefaultAlertPercents, whenSpent == "finish" ? WhenSpent.Finish : WhenSpent.Stop);
    }

    private static decimal? ReadMaxUsd(MappingReader section)
    {
        var node = section.Find("max_cost_usd");
        if (node is null) return null;
        if (!ScalarValues.TryNumber(node, out var number) || double.IsNaN(number) || number <= 0 || number > (double)CostLimit.MostUsd)
        {
            section.Problems.Add(section.PathOf("max_cost_usd"), $"expected dollars greater than 0 and at most {CostLimit.MostUsd:#,0}, like 25 or 2.50, got {ScalarValues.Describe(node)}", node);
            return null;
        }

        return Math.Round((decimal)number, 6);
    }

    /// <summary>Percentages from 1 to 1000 (a forecast may pass 100 %), ascending, each once.</summary>
    private static List<int>? ReadAlertPercents(MappingReader section)
    {
        var node = section.Find("alert_thresholds");
        if (node is null) return null;
        var list = node as YamlSequenceNode;
        var percents = new List<int>();
        foreach (var item in list?.Children ?? [])
        {
            if (ScalarValues.TryInteger(item, out var percent) && percent is >= 1 and <= 1000) percents.Add((int)percent);
            else list = null;
        }

        if (list is null || percents.Count == 0 || percents.Distinct().Count() != percents.Count)
        {
            section.Problems.Add(section.PathOf("alert_thresholds"), $"expected a list of different percentages of max_cost_usd from 1 to 1000, like [50, 80, 100], got {ScalarValues.Describe(node)}", node);
            return null;
        }

        return [.. percents.Order()];
    }

    /// <summary>An integer from 1 to the server's <paramref name="limit"/>; a larger one is reported with the setting that raises it.</summary>
    private static int? Bounded(MappingReader section, string key, bool required, int limit, string limitKey)
    {
        var value = section.Integer(key, required, min: 1);
        if (value is null || value <= limit) return (int?)value;
        section.Problems.Add(section.PathOf(key), LimitMessage.AtMost(key, limit, value.Value, limitKey), section.Find(key));
        return null;
    }

    private static TimeSpan? ReadDeadline(MappingReader section, DefinitionLimits limits)
    {
        var node = section.Find("deadline");
        if (node is null) return null;
        if (ScalarValues.ToValue(node) is string text && DurationText.TryParse(text, out var deadline))
        {
            if (deadline <= limits.MaxDeadline) return deadline;
            section.Problems.Add(
                section.PathOf("deadline"),
                $"deadline must be at most {limits.MaxDeadlineDays}d on this server, but got '{text}' (the operator's limit {DefinitionLimits.VariableFor("MAX_DEADLINE_DAYS")})",
                node);
            return null;
        }

        section.Problems.Add(
            section.PathOf("deadline"),
            $"expected a duration like '6h', '90m', '1h30m' or '30s', got {ScalarValues.Describe(node)}",
            node);
        return null;
    }
}
