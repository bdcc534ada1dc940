using System.Diagnostics;
using System.Globalization;
using Tuner.Scheduler.Api.Contracts;

namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>Prints what changed in a sweep since the last look: trials starting, epochs, pruning, preemptions, endings.</summary>
internal sealed class ProgressPrinter(string metric, TextWriter output)
{
    private readonly Dictionary<long, (string State, int Reports, int Preemptions)> seen = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public void Print(IReadOnlyList<TrialView> trials)
    {
        foreach (var trial in trials)
        {
            var before = seen.GetValueOrDefault(trial.Id, ("New", 0, 0));
            foreach (var report in trial.Reports.Where(r => r.Step > before.Reports))
            {
                Line(trial, $"epoch {report.Step,2}  {metric}={Number(report.Value)}  ({report.Seconds:F1}s)");
            }

            if (trial.Preemptions > before.Preemptions)
            {
                Line(trial, "preempted: handed back, will resume from its last checkpoint");
            }

            if (trial.State != before.State)
            {
                var text = trial.State switch
                {
                    "Waiting" when before.State == "New" => $"queued   {ParamText.Format(trial.Params)}",
                    "Running" => trial.Runs.Count > 1 ? $"resumed from epoch {trial.Runs[^1].ResumedEpoch} on {trial.Runs[^1].Worker}" : "started",
                    "Complete" => $"complete  best {metric}={Number(trial.Value)} at epoch {trial.BestEpoch}",
                    "Pruned" => $"pruned after epoch {trial.Reports.Count}",
                    "Failed" => $"FAILED: {trial.Error}",
                    "Cancelled" => "cancelled",
                    _ => null,
                };
                if (text is not null)
                {
                    Line(trial, text);
                }
            }

            seen[trial.Id] = (trial.State, trial.Reports.Count == 0 ? 0 : trial.Reports.Max(r => r.Step), trial.Preemptions);
        }
    }

    private void Line(TrialView trial, string text) =>
        output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1}s] trial {trial.Number,-3} {text}");

    private static string Number(double? value) => value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-";
}
