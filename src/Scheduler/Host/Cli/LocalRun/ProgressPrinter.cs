using System.Diagnostics;
using System.Globalization;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Prints what changed in a sweep since the last look: trials queued, started or resumed, epochs, preemptions, endings.</summary>
internal sealed class ProgressPrinter(string metric, TextWriter output)
{
    private readonly Dictionary<long, Seen> seen = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Print(IReadOnlyList<TrialView> trials)
    {
        foreach (var trial in trials)
        {
            var before = seen.GetValueOrDefault(trial.Id, new Seen("New", 0, 0, 0));
            if (before.State == "New")
            {
                Line(trial, $"queued    {ParamText.Format(trial.Params)}");
            }

            for (var i = before.Runs; i < trial.Runs.Count; i++)
            {
                var run = trial.Runs[i];
                Line(trial, i == 0 ? $"started on {run.Worker}" : $"resumed on {run.Worker} from epoch {run.ResumedEpoch}, batch {run.ResumedBatch}");
            }

            foreach (var report in trial.Reports.Where(r => r.Step > before.LastStep))
            {
                Line(trial, $"epoch {report.Step,2}  {metric}={Number(report.Value)}  ({report.Seconds:F1}s)");
            }

            if (Interruptions(trial) > before.Interruptions)
            {
                Line(trial, "interrupted: back in the queue, resumes from its last checkpoint");
            }

            if (trial.State != before.State && Ending(trial) is { } ending)
            {
                Line(trial, ending);
            }

            seen[trial.Id] = new Seen(trial.State, trial.Reports.Count == 0 ? 0 : trial.Reports.Max(r => r.Step), Interruptions(trial), trial.Runs.Count);
        }
    }

    private string? Ending(TrialView trial) => trial.State switch
    {
        "Complete" => $"complete  best {metric}={Number(trial.Value)} at epoch {trial.BestEpoch}",
        "Pruned" => $"pruned after epoch {trial.Reports.Count}",
        "Failed" => $"FAILED: {trial.Error}",
        "Cancelled" => "cancelled",
        _ => null,
    };

    private void Line(TrialView trial, string text) =>
        output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] trial {trial.Number,-3} {text}");

    private static string Number(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Runs that ended with the trial back in the queue: preempted, lost with its worker, or interrupted by a fault.</summary>
    private static int Interruptions(TrialView trial) =>
        trial.Preemptions + trial.LostRuns + trial.Runs.Count(r => r.Outcome == nameof(Tuner.Core.Model.TrialRunOutcome.Interrupted));

    private readonly record struct Seen(string State, int LastStep, int Interruptions, int Runs);
}
