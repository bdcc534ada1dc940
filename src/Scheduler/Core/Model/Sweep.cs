namespace Tuner.Core.Model;

public sealed class Sweep
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public SweepState State { get; set; }

    /// <summary>The definition as submitted (YAML or JSON); the scheduler parses it once per process.</summary>
    public required string DefinitionText { get; set; }

    /// <summary>The sampler's seed, from which trial seeds derive too: the definition's <c>sampler.seed</c>, or one drawn
    /// at submission, so that every process samples the same trials and the sweep can be replayed.</summary>
    public int Seed { get; set; }
    public required string Objective { get; set; }
    public bool Maximize { get; set; }
    public int MaxTrials { get; set; }
    public int Parallelism { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? StopReason { get; set; }
    public long? BestTrialId { get; set; }

    /// <summary>The spending limit: budget.max_cost_usd as submitted, then as raised (PATCH); null: none.</summary>
    public decimal? MaxCostUsd { get; set; }

    /// <summary>While <see cref="SweepState.Paused"/>: whether its running trials checkpoint and stop (budget.when_spent: stop)
    /// rather than run to their end.</summary>
    public bool PauseStopsRunning { get; set; }

    /// <summary>The definition's labels as a JSON object (team, cost-center, project...), which cost reports group by.</summary>
    public string LabelsJson { get; set; } = "{}";

    /// <summary>The capacity pool (and Hangfire queue) its trials run on; "local" for this machine's workers.</summary>
    public string Pool { get; set; } = Capacity.PoolNames.Local;

    public List<Trial> Trials { get; set; } = [];
}
