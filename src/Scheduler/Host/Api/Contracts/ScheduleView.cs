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
    [property: Description("What a firing does while the previous run still runs: skip (the default) or queue"), OpenApiEnum(typeof(ScheduleOverlap))] string? Overlap = null);

/// <summary>The body of PATCH /api/schedules/{name}.</summary>
public sealed record ScheduleChange([property: Description("true pauses the schedule (no firing); false resumes it")] bool? Paused);

/// <summary>A schedule, its next firing (null while paused) and its latest runs, newest first.</summary>
public sealed record ScheduleView(
    long Id, string Name, string Cron, string TimeZone, bool Paused, DateTimeOffset CreatedAt, DateTimeOffset? NextRunAt,
    string Template, int? WarmStartBest, [property: OpenApiEnum(typeof(ScheduleOverlap))] string Overlap, IReadOnlyList<ScheduleRunView> Runs);

/// <summary>One firing: the sweep it started, or why none.</summary>
public sealed record ScheduleRunView(
    long Id, DateTimeOffset FiredAt, string RunDate, [property: OpenApiEnum(typeof(ScheduleRunOutcome))] string Outcome, long? SweepId, string? Message);
