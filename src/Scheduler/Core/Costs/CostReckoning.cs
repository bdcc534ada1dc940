using Tuner.Core.Model;

namespace Tuner.Core.Costs;

/// <summary>
/// Turns a sweep's ledger totals into its cost report: the split by outcome, what pruning and spot saved, the cost to
/// reach the best trial, the projection to finish and each trial's cost per epoch. Pure, so the arithmetic is tested
/// against hand-computed cases.
/// </summary>
public static class CostReckoning
{
    public static SweepCost Build(CostInputs inputs)
    {
        var trials = inputs.Trials.ToDictionary(t => t.TrialId);
        var lines = CostCategories.All.ToDictionary(c => c, _ => (Seconds: 0.0, Usd: 0m));

        void Add(string category, double seconds, decimal usd)
        {
            var (s, u) = lines[category];
            lines[category] = (s + seconds, u + usd);
        }

        foreach (var run in inputs.Runs)
        {
            var lost = LostFraction(run);
            var lostUsd = Math.Round(run.Usd * (decimal)lost, 6);
            Add(CostCategories.LostToPreemption, run.Seconds * lost, lostUsd);
            var status = trials.TryGetValue(run.TrialId, out var trial) ? trial.Status : TrialStatus.Running;
            Add(CategoryOf(status), run.Seconds * (1 - lost), run.Usd - lostUsd);
        }

        foreach (var overhead in inputs.Overheads)
        {
            Add(overhead.Kind == CostKind.StartUp ? CostCategories.StartUp : CostCategories.Idle, overhead.Seconds, overhead.Usd);
        }

        var compute = lines.Values.Sum(l => l.Usd);
        var computeSeconds = lines.Values.Sum(l => l.Seconds);
        var spent = compute + inputs.Storage.Usd;
        var perTrial = PerTrial(inputs);
        var (savedByPruning, epochsNotRun) = SavedByPruning(inputs, perTrial);
        var (savedBySpot, discount) = SavedBySpot(inputs);
        var projected = Projected(inputs, spent);
        return new SweepCost(
            spent, compute, computeSeconds,
            [.. CostCategories.All.Select(c => new CostLine(c, lines[c].Seconds, lines[c].Usd))],
            inputs.Storage,
            savedByPruning, epochsNotRun, savedBySpot, discount, inputs.SpotSeconds,
            inputs.UsdToBest,
            projected,
            projected is { } total ? Math.Max(0m, total - spent) : null,
            inputs.MaxCostUsd,
            inputs.MaxCostUsd is { } max and > 0 ? (double)(spent / max) : null,
            perTrial,
            inputs.PriceSources,
            inputs.AnyPriceUnset,
            inputs.AnyEstimated)
        {
            ByInstanceType = inputs.ByInstanceType,
        };
    }

    public static string CategoryOf(TrialStatus status) => status switch
    {
        TrialStatus.Complete => CostCategories.Complete,
        TrialStatus.Pruned => CostCategories.Pruned,
        TrialStatus.Failed => CostCategories.Failed,
        TrialStatus.Cancelled => CostCategories.Cancelled,
        _ => CostCategories.InProgress,
    };

    /// <summary>The part of a run cut short by a preemption or a lost worker that came after its last checkpoint: the
    /// resumed run does it again. Zero for runs that ended any other way.</summary>
    public static double LostFraction(RunCost run)
    {
        if (run.Outcome is not (TrialRunOutcome.Preempted or TrialRunOutcome.Lost) || run.EndedAt is not { } end) return 0;
        var length = (end - run.StartedAt).TotalSeconds;
        if (length <= 0) return 0;
        var kept = run.KeptUntil is { } at && at > run.StartedAt ? (at < end ? at : end) : run.StartedAt;
        return (end - kept).TotalSeconds / length;
    }

    private static List<TrialCost> PerTrial(CostInputs inputs)
    {
        var byTrial = inputs.Runs.GroupBy(r => r.TrialId).ToDictionary(g => g.Key, g => (Seconds: g.Sum(r => r.Seconds), Usd: g.Sum(r => r.Usd), Runs: g.Count()));
        return [.. inputs.Trials.OrderBy(t => t.Number).Select(t =>
        {
            var (seconds, usd, runs) = byTrial.TryGetValue(t.TrialId, out var sum) ? sum : (0, 0m, 0);
            return new TrialCost(t.Number, t.Status.ToString(), seconds, usd, t.Epochs, t.Epochs > 0 ? Math.Round(usd / t.Epochs, 6) : null, runs);
        })];
    }

    private static (decimal Usd, int Epochs) SavedByPruning(CostInputs inputs, IReadOnlyList<TrialCost> perTrial)
    {
        var saved = 0m;
        var epochs = 0;
        foreach (var trial in perTrial.Where(t => t.Status == nameof(TrialStatus.Pruned) && t.UsdPerEpoch is not null))
        {
            var notRun = Math.Max(0, inputs.MaxEpochs - trial.Epochs);
            epochs += notRun;
            saved += notRun * trial.UsdPerEpoch!.Value;
        }

        return (saved, epochs);
    }

    private static (decimal? Usd, double? Discount) SavedBySpot(CostInputs inputs)
    {
        var paid = 0m;
        var onDemand = 0m;
        var any = false;
        foreach (var (usd, demand) in inputs.Runs.Select(r => (r.Usd, r.OnDemandUsd)).Concat(inputs.Overheads.Select(o => (o.Usd, o.OnDemandUsd))))
        {
            if (demand is not { } d) continue;
            any = true;
            paid += usd;
            onDemand += d;
        }

        if (!any) return (null, null);
        return (onDemand - paid, onDemand > 0 ? (double)(1 - paid / onDemand) : null);
    }

    private static decimal? Projected(CostInputs inputs, decimal spent) =>
        Project(spent, inputs.MaxTrials, inputs.MaxEpochs, inputs.Finished,
            inputs.Trials.Count(t => t.Status is not (TrialStatus.Waiting or TrialStatus.Running)),
            [.. inputs.Trials.Where(t => t.Status is TrialStatus.Waiting or TrialStatus.Running).Select(t => t.Epochs)]);

    /// <summary>Spent × max_trials / trials done, where a trial still waiting or running counts for the share of
    /// max_epochs it reached: what the sweep costs at its cost per trial so far, overheads included. A finished sweep
    /// costs what it spent; null before any work is done.</summary>
    public static decimal? Project(decimal spent, int maxTrials, int maxEpochs, bool finished, int finishedTrials, IReadOnlyList<int> liveTrialEpochs)
    {
        if (finished) return spent;
        var done = finishedTrials + liveTrialEpochs.Sum(e => Math.Min(1.0, maxEpochs > 0 ? (double)e / maxEpochs : 0));
        return done > 0 ? Math.Round(spent * (decimal)(maxTrials / done), 6) : null;
    }
}
