namespace Tuner.Core.Events;

/// <summary>The kinds of <see cref="Model.SweepEvent"/>, as stored and as the API shows them (an enum in the
/// OpenAPI document, so every kind recorded must be one of these constants).</summary>
public static class SweepEventKinds
{
    /// <summary>The autoscaler launched workers for waiting trials.</summary>
    public const string ScaleUp = "scale_up";

    /// <summary>The autoscaler stopped idle workers.</summary>
    public const string ScaleDown = "scale_down";

    /// <summary>A provider refused or failed to launch a worker.</summary>
    public const string LaunchFailed = "launch_failed";

    /// <summary>Spot capacity was unavailable and the pool fell back to on-demand.</summary>
    public const string SpotFallback = "spot_fallback";

    /// <summary>A worker was preempted while running a trial.</summary>
    public const string Preempted = "preempted";

    /// <summary>A worker handed its trial back before the end (a preemption notice, SIGTERM, the database dropping its
    /// connection): the trial waits to resume from its last checkpoint.</summary>
    public const string RunHandedBack = "run_handed_back";

    /// <summary>A trial's run ended without a word from its worker (silent until its lease ran out, or its machine gone):
    /// the trial waits to resume from its last checkpoint, was taken over by another worker, or failed at
    /// budget.max_lost_runs.</summary>
    public const string RunLost = "run_lost";

    /// <summary>A checkpoint failed verification on resume and the trial fell back to an older one (or to scratch).</summary>
    public const string CheckpointFallback = "checkpoint_fallback";

    /// <summary>The sweep's trials wait for capacity that will never come (no worker, none to be launched), and what to do.</summary>
    public const string CapacityUnavailable = "capacity_unavailable";

    /// <summary>Spending (or its forecast) crossed one of budget.alert_thresholds.</summary>
    public const string BudgetAlert = "budget_alert";

    /// <summary>The sweep spent its budget.max_cost_usd and was paused.</summary>
    public const string BudgetPaused = "budget_paused";

    /// <summary>Its budget was raised above what it has spent, and the paused sweep runs again.</summary>
    public const string BudgetRaised = "budget_raised";

    /// <summary>Its budget.max_trials was changed; a completed sweep whose limit was raised continues.</summary>
    public const string MaxTrialsChanged = "max_trials_changed";

    /// <summary>The sweep queued an earlier sweep's best configurations first (warm_start), with what was carried over and what was dropped.</summary>
    public const string WarmStart = "warm_start";

    /// <summary>The run's best trial challenged its schedule's model: promoted to champion, refused, or awaiting approval, with the figures.</summary>
    public const string Promotion = "promotion";
}
