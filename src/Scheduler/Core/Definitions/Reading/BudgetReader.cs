namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>budget: { max_trials, parallelism, deadline, max_attempts, max_lost_runs }</c>.</summary>
internal static class BudgetReader
{
    private static readonly string[] Keys = ["max_trials", "parallelism", "deadline", "max_attempts", "max_lost_runs", "max_cost_usd"];

    public static BudgetSection? Read(MappingReader document, DefinitionLimits limits)
    {
        var section = document.Section("budget", Keys, required: true);
        if (section is null) return null;

        var maxTrials = Bounded(section, "max_trials", required: true, limits.MaxTrials, "MAX_TRIALS");
        var parallelism = Bounded(section, "parallelism", required: false, limits.MaxParallelism, "MAX_PARALLELISM") ?? 1;
        var maxAttempts = Bounded(section, "max_attempts", required: false, limits.MaxAttempts, "MAX_ATTEMPTS") ?? 1;
        var maxLostRuns = section.Int("max_lost_runs", required: false, min: 1) ?? BudgetSection.DefaultMaxLostRuns;
        var deadline = ReadDeadline(section, limits);
        if (section.Find("max_cost_usd") is { } cost)
        {
            section.Problems.Add(
                section.PathOf("max_cost_usd"),
                "max_cost_usd is not supported yet: cost limits arrive with the cloud capacity providers; remove it",
                cost);
        }

        return maxTrials is null ? null : new BudgetSection(maxTrials.Value, parallelism, deadline, maxAttempts, maxLostRuns);
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
