using Tuner.Core.Costs;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Scheduler.Tests.Pages;

/// <summary>
/// A finished sweep small enough to check every page's numbers by hand (val_loss, minimized), written straight into the
/// database. By number: #0 Complete 0.4 (3 epochs), #1 Complete 0.6 (2), #2 Pruned at epoch 2 (1.1), #3 Complete 0.2
/// (3 epochs, preempted once, two runs, a live checkpoint), #4 Failed, #5 Cancelled, #6 Complete 0.7 (1 epoch).
/// They ended in the order #1, #2, #6, #0, #3. The ledger charged #0 $0.10, #3 $0.05 + $0.03 and #1 $0.02.
/// #6's optimizer is the choice <c>sgd, "nesterov"</c> (a comma and quotes, for the CSV).
/// </summary>
internal sealed class KnownSweep
{
    public const string Name = "known-pages";
    public const string QuotedChoice = "sgd, \"nesterov\"";
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Definition = """
        name: known-pages
        workload: { kind: command, command: [python3, train.py, --lr, "{lr}"], max_epochs: 3 }
        objective: { metric: val_loss, direction: minimize }
        space:
          lr:        { type: float, low: 1.0e-4, high: 1.0e-1, log: true }
          layers:    { type: int, low: 1, high: 4 }
          optimizer: { type: categorical, choices: [adam, 'sgd, "nesterov"'] }
        sampler: { kind: random, seed: 3 }
        budget: { max_trials: 7, parallelism: 2, max_cost_usd: 5 }
        labels: { team: ml, cost-center: research }
        """;

    private KnownSweep(long id, IReadOnlyList<long> trialIds)
    {
        Id = id;
        TrialIds = trialIds;
    }

    public long Id { get; }

    /// <summary>The trials' ids by number.</summary>
    public IReadOnlyList<long> TrialIds { get; }

    public static async Task<KnownSweep> WriteAsync(TunerDbContext db)
    {
        var sweep = new Sweep
        {
            Name = Name, State = SweepState.Completed, DefinitionText = Definition, Seed = 3, Objective = "val_loss", Maximize = false,
            MaxTrials = 7, Parallelism = 2, CreatedAt = Start, FinishedAt = Start.AddSeconds(500), MaxCostUsd = 5m,
            LabelsJson = """{"team": "ml", "cost-center": "research"}""",
        };
        db.Sweeps.Add(sweep);
        await db.SaveChangesAsync();
        Trial[] trials =
        [
            Trial(sweep, 0, TrialStatus.Complete, 0.01, 2, "adam", [0.9, 0.5, 0.4], ended: 300),
            Trial(sweep, 1, TrialStatus.Complete, 0.001, 1, "adam", [0.8, 0.6], ended: 100),
            Trial(sweep, 2, TrialStatus.Pruned, 0.05, 3, "adam", [1.2, 1.1], ended: 150),
            Trial(sweep, 3, TrialStatus.Complete, 0.02, 4, "adam", [0.7, 0.3, 0.2], ended: 400),
            Trial(sweep, 4, TrialStatus.Failed, 0.0001, 1, "adam", [], ended: 120),
            Trial(sweep, 5, TrialStatus.Cancelled, 0.1, 2, "adam", [], ended: null),
            Trial(sweep, 6, TrialStatus.Complete, 0.003, 2, QuotedChoice, [0.7], ended: 200),
        ];
        trials[3].Preemptions = 1;
        trials[3].JobId = "42";
        trials[4].Error = "CUDA out of memory";
        db.Trials.AddRange(trials);
        await db.SaveChangesAsync();
        sweep.BestTrialId = trials[3].Id;

        db.TrialRuns.AddRange(
            Run(trials[0], "worker-a", 0, TrialRunOutcome.Completed, 10, 300),
            Run(trials[1], "worker-b", 0, TrialRunOutcome.Completed, 20, 100),
            Run(trials[2], "worker-a", 0, TrialRunOutcome.Pruned, 30, 150),
            Run(trials[3], "worker-a", 0, TrialRunOutcome.Preempted, 40, 90, "spot notice"),
            Run(trials[3], "worker-b", 1, TrialRunOutcome.Completed, 110, 400),
            Run(trials[6], "worker-b", 0, TrialRunOutcome.Completed, 105, 200));
        db.Checkpoints.AddRange(
            Checkpoint(trials[3], 3, CheckpointState.Live),
            Checkpoint(trials[0], 3, CheckpointState.Deleted));
        db.CostEntries.AddRange(Cost(sweep, trials[0], 0.10m), Cost(sweep, trials[3], 0.05m), Cost(sweep, trials[3], 0.03m), Cost(sweep, trials[1], 0.02m));
        await db.SaveChangesAsync();
        return new KnownSweep(sweep.Id, [.. trials.Select(t => t.Id)]);
    }

    private static Trial Trial(Sweep sweep, int number, TrialStatus status, double lr, int layers, string optimizer, double[] reports, int? ended)
    {
        var trial = new Trial
        {
            SweepId = sweep.Id, Number = number, Status = status, Seed = number, Attempts = 1,
            ParamsJson = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["lr"] = lr, ["layers"] = layers, ["optimizer"] = optimizer }),
            CreatedAt = Start, StartedAt = Start.AddSeconds(number), FinishedAt = ended is { } s ? Start.AddSeconds(s) : null,
            Value = reports.Length > 0 ? reports.Min() : null,
            BestEpoch = reports.Length > 0 ? Array.IndexOf(reports, reports.Min()) + 1 : null,
            LastEpoch = reports.Length,
        };
        trial.Reports.AddRange(reports.Select((value, i) => new TrialReport
        {
            Epoch = i + 1, Value = value, MetricsJson = $$"""{"val_loss": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""",
            Seconds = 1, ReportedAt = Start.AddSeconds(number + i),
        }));
        return trial;
    }

    private static TrialRun Run(Trial trial, string worker, int resumedEpoch, TrialRunOutcome outcome, int started, int ended, string? reason = null) => new()
    {
        TrialId = trial.Id, WorkerId = worker, LeaseToken = 1, ResumedEpoch = resumedEpoch, Outcome = outcome,
        StartedAt = Start.AddSeconds(started), EndedAt = Start.AddSeconds(ended), EndReason = reason,
    };

    private static Checkpoint Checkpoint(Trial trial, int epoch, CheckpointState state) => new()
    {
        TrialId = trial.Id, Epoch = epoch, Key = $"t{trial.Id}/e{epoch}", Uri = $"file:///checkpoints/t{trial.Id}/e{epoch}", State = state,
        CreatedAt = Start, LeaseToken = 1,
    };

    private static CostEntry Cost(Sweep sweep, Trial trial, decimal usd) => new()
    {
        Machine = "worker/w", Pool = "local", SweepId = sweep.Id, TrialId = trial.Id, Kind = CostKind.Training,
        StartsAt = Start, EndsAt = Start.AddSeconds(100), Seconds = 100, Usd = usd, PriceSource = "test",
    };
}
