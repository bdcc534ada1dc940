using System.Text.Json;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Sweeps;
using Tuner.Search.Spaces;

namespace Tuner.Scheduler.Api.Pages;

/// <summary>A trial read with its reports, runs and live checkpoints, as the API shows it.</summary>
internal static class TrialViews
{
    public static TrialView Of(Trial t, SearchSpace space) => new(
        t.Id, t.Number, t.Status.ToString(), ParamsJson.Deserialize(t.ParamsJson, space), t.Value, t.BestEpoch,
        t.Preemptions, t.LostRuns, t.Attempts, t.Error,
        [.. t.Reports.OrderBy(r => r.Epoch).Select(r => new ReportedValue(
            r.Epoch, r.Value, JsonSerializer.Deserialize<Dictionary<string, double>>(r.MetricsJson) ?? [], r.Seconds))],
        [.. t.Checkpoints.OrderBy(c => c.Epoch).ThenBy(c => c.Batch).Select(c => c.Uri)],
        [.. t.Runs.OrderBy(r => r.Id).Select(r => new TrialRunView(
            r.WorkerId, r.ResumedEpoch, r.ResumedBatch, r.EpochsTrained, r.Outcome.ToString(), r.StartedAt, r.EndedAt, r.EndReason))]);
}
