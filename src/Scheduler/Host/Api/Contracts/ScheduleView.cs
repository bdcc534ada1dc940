using System.ComponentModel;
using Tuner.Core.Model;
using Tuner.Scheduler.Api.OpenApi;

namespace Tuner.Scheduler.Api.Contracts;

/// <summary>The body of POST /api/schedules.</summary>
public sealed record ScheduleCreate(
    [property: Description("Unique: 1-100 letters, digits, '.', '_' or '-'; the Hangfire recurring job is schedule-NAME")] string? Name,
    [property: Description("Five fields (minute hour day-of-month month day-of-week), e.g. '0 2 * * *', or six with seconds first")] string? Cron,
    [property: Description("An IANA time zone name; the cron runs on its wall clock")] string? TimeZone,
    [property: Description("The sweep definition each run is made from (YAML or JSON text), with {run_date} and {run_id}")] string? Template,
    [property: Description("Each run starts from the previous run's best this many configurations (1-100), unless the template has its own warm_start")] int? WarmStartBest = null,
    [property: Description("What a firing does while the previous run still runs: skip (the default) or queue"), OpenApiEnum(typeof(ScheduleOverlap))] string? Overlap = null,
    [property: Description("The model each run's best trial challenges, and when it replaces the champion; none when left out")] ScheduleModel? Model = null,
    [property: Description("With warmStartBest: the previous run's complete trials also join the sampler's history as a prior of this weight, greater than 0 and at most 1")] double? WarmStartPriorWeight = null);

/// <summary>The model a schedule's runs challenge and its promotion policy.</summary>
public sealed record ScheduleModel(
    [property: Description("The model's name (1-100 letters, digits, '.', '_' or '-'); made if there is none")] string? Name,
    [property: Description("How much better than the champion, in the objective's units, a challenger must score on the same data (default 0: any improvement)")] double? Margin = null,
    [property: Description("Secondary metrics a challenger may not regress on beyond a tolerance")] IReadOnlyList<ScheduleMetricGuard>? Guards = null,
    [property: Description("A challenger that passes waits for POST /api/models/{name}/approve (default false: promoted at once)")] bool? ManualApproval = null);

/// <summary>A secondary metric the challenger may be worse on than the champion by at most the tolerance.</summary>
public sealed record ScheduleMetricGuard(
    [property: Description("A metric the workload reports")] string? Metric,
    [property: Description("How much worse than the champion's it may be, in the metric's units (at least 0)")] double? Tolerance,
    [property: Description("maximize or minimize; defaults to the goal the workload declares (a command workload must give it)")] string? Direction = null);

/// <summary>The body of PATCH /api/schedules/{name}: what is left out stays.</summary>
public sealed record ScheduleChange(
    [property: Description("true pauses the schedule (no firing); false resumes it")] bool? Paused = null,
    [property: Description("A new cron expression")] string? Cron = null,
    [property: Description("A new IANA time zone")] string? TimeZone = null,
    [property: Description("A new template (YAML or JSON text), checked as at creation; the next run uses it")] string? Template = null);

/// <summary>A schedule, its next firing (null while paused) and its latest runs, newest first.</summary>
public sealed record ScheduleView(
    long Id, string Name, string Cron, string TimeZone, bool Paused, DateTimeOffset CreatedAt, DateTimeOffset? NextRunAt,
    string Template, int? WarmStartBest, double? WarmStartPriorWeight, [property: OpenApiEnum(typeof(ScheduleOverlap))] string Overlap, ScheduleModel? Model,
    IReadOnlyList<ScheduleRunView> Runs);

/// <summary>One firing: the sweep it started, or why none.</summary>
public sealed record ScheduleRunView(
    long Id, DateTimeOffset FiredAt, string RunDate, [property: OpenApiEnum(typeof(ScheduleRunOutcome))] string Outcome, long? SweepId, string? Message);
