namespace Tuner.Core.Model;

/// <summary>
/// A recurring sweep (nightly retraining): at each occurrence of <see cref="Cron"/> in <see cref="TimeZone"/>, a new
/// sweep is made from <see cref="TemplateText"/> with the run's placeholders filled in ({run_date}, {run_id}).
/// Hangfire's recurring job "schedule-NAME" drives it; a firing while the previous run still runs is skipped or
/// queued (<see cref="Overlap"/>).
/// </summary>
public sealed class Schedule
{
    public long Id { get; set; }

    /// <summary>Unique; names the Hangfire recurring job.</summary>
    public required string Name { get; set; }

    /// <summary>A cron expression of five fields (minute precision), or six with seconds first.</summary>
    public required string Cron { get; set; }

    /// <summary>An IANA time zone name, such as Europe/Paris; the cron runs on its wall clock, daylight saving included.</summary>
    public required string TimeZone { get; set; }

    /// <summary>The sweep definition each run is made from, with its placeholders.</summary>
    public required string TemplateText { get; set; }
    /// <summary>When set, each run starts from the previous started run's best this many configurations (its
    /// warm_start, unless the template names one); null: each run starts from its sampler alone.</summary>
    public int? WarmStartBest { get; set; }

    /// <summary>With <see cref="WarmStartBest"/>: every complete trial of the previous run also joins the sampler's
    /// history at this weight (warm_start.prior_weight); null: no prior.</summary>
    public double? WarmStartPriorWeight { get; set; }
    /// <summary>What a firing does while the previous run still runs: skip it (the default), or queue it to fire
    /// once that run ends.</summary>
    public ScheduleOverlap Overlap { get; set; }

    /// <summary>The <see cref="RegisteredModel"/> each run's best trial challenges; null: the schedule keeps no champion.</summary>
    public string? ModelName { get; set; }

    /// <summary>How much better than the champion, in the objective's units, a challenger must score on the same data.</summary>
    public double PromotionMargin { get; set; }

    /// <summary>Secondary metrics a challenger may not regress on beyond a tolerance, as a JSON array of
    /// <c>Tuner.Core.Models.MetricGuard</c>; null: none.</summary>
    public string? PromotionGuardsJson { get; set; }

    /// <summary>A challenger that passes waits for POST /api/models/{name}/approve instead of being promoted.</summary>
    public bool ManualApproval { get; set; }
    public bool Paused { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a firing does while the schedule's previous run still runs. Stored as text.</summary>
public enum ScheduleOverlap
{
    /// <summary>Record it as Skipped: one run at a time, the next on the next occurrence.</summary>
    Skip,

    /// <summary>Record it as Queued and fire it once the previous run ends (at most one waits).</summary>
    Queue,
}
