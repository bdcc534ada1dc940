using Tuner.Core.Trials;
using Tuner.TestSupport;

namespace Tuner.Scheduler.Tests.Architecture;

/// <summary>The table of trial transitions in docs/architecture.md is <see cref="TrialLifecycle.Transitions"/>, row for
/// row, so the page cannot drift from the state machine.</summary>
public sealed class TrialTransitionsDocumentTests
{
    private const string Marker = "<!-- trial-transitions -->";

    [Fact]
    public void TheArchitecturePagesTransitionTable_IsTheStateMachinesTable()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        var start = page.IndexOf(Marker, StringComparison.Ordinal);
        var end = page.IndexOf(Marker, start + Marker.Length, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md has no table between two {Marker} lines");

        var documented = page[(start + Marker.Length)..end].Trim();

        Assert.Equal(Render(), documented);
    }

    /// <summary>The table as the page shows it (copy this output into the page when the state machine changes).</summary>
    private static string Render() => string.Join('\n', new[]
    {
        "| event | from | to | the run ends | counts | at its limit |",
        "| --- | --- | --- | --- | --- | --- |",
    }.Concat(TrialLifecycle.Transitions.Select(t =>
        $"| `{t.Event}` | {string.Join(", ", t.From)} | {t.To} | {t.RunEnds?.ToString() ?? "—"} | " +
        $"{(t.Counts == TrialCounter.None ? "—" : t.Counts.ToString())} | " +
        $"{(t.LimitedBy == TrialCounter.None ? "—" : $"{t.AtLimit} when {t.LimitedBy} reaches its limit")} |")));
}
