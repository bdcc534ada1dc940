using System.Diagnostics;
using System.Globalization;
using Tuner.Core.Model;
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

            // In the order it happened: each run's start, the epochs it reported, and how it was cut short.
            var printedStep = before.LastStep;
            var cutShort = 0;
            for (var i = 0; i < trial.Runs.Count; i++)
            {
                var run = trial.Runs[i];
                if (i >= before.Runs)
                {
                    Line(trial, i == 0 ? $"started on {run.Worker}" : $"resumed on {run.Worker} from epoch {run.ResumedEpoch}, batch {run.ResumedBatch}");
                }

                printedStep = PrintReports(trial, printedStep, run.ResumedEpoch + run.EpochsTrained);
                if (IsCutShort(run) && cutShort++ >= before.Interruptions)
                {
                    Line(trial, $"interrupted ({run.EndReason ?? run.Outcome.ToLowerInvariant()}): back in the queue, resumes from its last checkpoint");
                }
            }

            PrintReports(trial, printedStep, int.MaxValue);
            if (trial.State != before.State && Ending(trial) is { } ending)
            {
                Line(trial, ending);
            }

            seen[trial.Id] = new Seen(trial.State, trial.Reports.Count == 0 ? 0 : trial.Reports.Max(r => r.Step), trial.Runs.Count(IsCutShort), trial.Runs.Count);
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

    /// <summary>Prints the epochs after <paramref name="after"/> up to <paramref name="upTo"/>; returns the last printed.</summary>
    private int PrintReports(TrialView trial, int after, int upTo)
    {
        foreach (var report in trial.Reports.Where(r => r.Step > after && r.Step <= upTo))
        {
            Line(trial, $"epoch {report.Step,2}  {metric}={Number(report.Value)}  ({report.Seconds:F1}s)");
            after = report.Step;
        }

        return after;
    }

    /// <summary>A run that ended with the trial back in the queue: preempted, lost with its worker or machine, or
    /// interrupted by a fault or a budget pause.</summary>
    private static bool IsCutShort(TrialRunView run) => run.Outcome is
        nameof(TrialRunOutcome.Preempted) or nameof(TrialRunOutcome.Lost) or nameof(TrialRunOutcome.Interrupted);

    private readonly record struct Seen(string State, int LastStep, int Interruptions, int Runs);
}
