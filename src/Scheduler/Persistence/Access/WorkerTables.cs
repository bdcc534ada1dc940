namespace Tuner.Persistence.Access;

/// <summary>
/// What the worker role may do with each table of schema tuner. A worker runs trials, and after each one the sweep's
/// orchestration pass (next trials, completion, events, webhooks, schedule runs, champion models), the cost ledger
/// and checkpoint retention, so it writes nearly everything. Every table must be in exactly one list
/// (WorkerRoleTests checks the schema against them): a table added by a later migration is closed to workers until
/// someone decides here.
/// </summary>
public static class WorkerTables
{
    /// <summary>SELECT, INSERT, UPDATE and DELETE.</summary>
    public static readonly IReadOnlyList<string> ReadWrite =
    [
        "budget_alerts", "capacity_instances", "capacity_pools", "checkpoints", "cost_entries", "ledger_marks", "models",
        "promotion_decisions", "queued_configurations", "schedule_runs", "schedules", "sweep_events", "sweeps",
        "trial_reports", "trial_runs", "trials", "webhook_deliveries", "workers",
    ];

    /// <summary>SELECT only: the migrations history, which a worker reads to check the schema is current.</summary>
    public static readonly IReadOnlyList<string> ReadOnly = ["__EFMigrationsHistory"];

    /// <summary>Nothing: API keys' hashes and roles are the server's alone.</summary>
    public static readonly IReadOnlyList<string> OwnerOnly = ["api_keys"];
}
