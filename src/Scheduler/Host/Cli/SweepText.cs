using System.Globalization;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli;

/// <summary>
/// How `tuner run` and `tuner status` print a sweep, the same way in both: values with four decimals, parameters as
/// ParamText writes them, and a trial named by its number with its id beside it, never one for the other.
/// </summary>
internal static class SweepText
{
    public static string Value(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>"Sweep 3 'mnist-mlp' Completed in 181s (max_trials reached): 0 running, 0 waiting, 10 complete, ...".</summary>
    public static string Headline(SweepDetails sweep, DateTimeOffset now)
    {
        var elapsed = ((sweep.FinishedAt ?? now) - sweep.CreatedAt).TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);
        var t = sweep.Trials;
        return $"Sweep {sweep.Id} '{sweep.Name}' {sweep.State} {(sweep.FinishedAt is null ? "for" : "in")} {elapsed}s" +
               (sweep.StopReason is { } reason ? $" ({reason})" : "") +
               $": {t.Running} running, {t.Waiting} waiting, {t.Complete} complete, {t.Pruned} pruned, {t.Failed} failed, " +
               $"{t.Cancelled} cancelled, {t.Preemptions} preemptions, {t.LostRuns} lost runs";
    }

    /// <summary>The best trial, its parameters and its checkpoint; one line saying there is none yet otherwise.</summary>
    public static IReadOnlyList<string> Best(SweepDetails sweep)
    {
        if (sweep.Best is not { } best)
        {
            return ["No trial has completed, so there is no best trial yet."];
        }

        return
        [
            $"Best trial: {best.Number} (id {best.TrialId}), {sweep.Objective} = {Value(best.Value)} at epoch {best.Epoch?.ToString(CultureInfo.InvariantCulture) ?? "-"} ({sweep.Direction})",
            $"  params:     {ParamText.Format(best.Params)}",
            $"  checkpoint: {best.CheckpointUri ?? "(none kept)"}",
        ];
    }
}
