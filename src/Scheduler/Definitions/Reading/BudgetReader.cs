namespace Tuner.Scheduler.Definitions.Reading;

/// <summary>Reads <c>budget: { max_trials, parallelism, deadline, max_attempts, max_lost_runs }</c>.</summary>
internal static class BudgetReader
{
    private static readonly string[] Keys = ["max_trials", "parallelism", "deadline", "max_attempts", "max_lost_runs", "max_cost_usd"];

    public static BudgetSection? Read(MappingReader document)
    {
        var section = document.Section("budget", Keys, required: true);
        if (section is null) return null;

        var maxTrials = section.Int("max_trials", required: true, min: 1);
        var parallelism = section.Int("parallelism", required: false, min: 1) ?? 1;
        var maxAttempts = section.Int("max_attempts", required: false, min: 1) ?? 1;
        var maxLostRuns = section.Int("max_lost_runs", required: false, min: 1) ?? BudgetSection.DefaultMaxLostRuns;
        var deadline = ReadDeadline(section);
        if (section.Find("max_cost_usd") is { } cost)
        {
            section.Problems.Add(
                section.PathOf("max_cost_usd"),
                "max_cost_usd is not supported yet: cost limits arrive with the cloud capacity providers; remove it",
                cost);
        }

        return maxTrials is null ? null : new BudgetSection(maxTrials.Value, parallelism, deadline, maxAttempts, maxLostRuns);
    }

    private static TimeSpan? ReadDeadline(MappingReader section)
    {
        var node = section.Find("deadline");
        if (node is null) return null;
        if (ScalarValues.ToValue(node) is string text && DurationText.TryParse(text, out var deadline)) return deadline;
        section.Problems.Add(
            section.PathOf("deadline"),
            $"expected a duration like '6h', '90m', '1h30m' or '30s', got {ScalarValues.Describe(node)}",
            node);
        return null;
    }
}
