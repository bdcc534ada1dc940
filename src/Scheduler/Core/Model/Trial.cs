namespace Tuner.Core.Model;

public sealed class Trial
{
    public long Id { get; set; }
    public long SweepId { get; set; }
    public Sweep? Sweep { get; set; }

    /// <summary>0-based position in the sweep; what the sampler calls the trial number.</summary>
    public int Number { get; set; }
    public TrialStatus Status { get; set; }

    /// <summary>Hyperparameters as a JSON object.</summary>
    public required string ParamsJson { get; set; }
    public int Seed { get; set; }

    /// <summary>The best objective value reported so far, and the epoch it came from.</summary>
    public double? Value { get; set; }
    public int? BestEpoch { get; set; }

    /// <summary>The highest epoch reported so far (0 before the first report): the epochs the trial has run, as the
    /// cost report, budgets and pages count them. Kept beside the reports, written with each one, so those need not
    /// read every report: at 50,000 trials that read took half a second.</summary>
    public int LastEpoch { get; set; }
    public int Attempts { get; set; }
    /// <summary>Runs handed back with notice (SIGTERM, a spot notice) or whose machine vanished: never the trial's fault.</summary>
    public int Preemptions { get; set; }

    /// <summary>Runs whose worker went silent without notice (killed, out of memory, crashed) on a machine still
    /// there: at the sweep's budget.max_lost_runs the trial fails, since it may be what kills its workers.</summary>
    public int LostRuns { get; set; }
    public string? Error { get; set; }

    /// <summary>The lease: who owns the trial, its fencing token, and when the ownership runs out (database clock).</summary>
    public string? LeaseOwner { get; set; }
    public long LeaseToken { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public bool CancelRequested { get; set; }

    public string? JobId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public List<TrialReport> Reports { get; set; } = [];
    public List<Checkpoint> Checkpoints { get; set; } = [];
    public List<TrialRun> Runs { get; set; } = [];
}
