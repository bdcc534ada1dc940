using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;
using Tuner.Scheduler.Api.Contracts;
using Tuner.Scheduling.Schedules;
using Tuner.Scheduling.Models;

namespace Tuner.Scheduler.Api;

/// <summary>REST endpoints for schedules (recurring sweeps): create, list, get, pause or resume, delete, and fire now.</summary>
public static class SchedulesApi
{
    private const int RunsShown = 50;

    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("api/schedules").WithTags("Schedules");
        schedules.MapPost("", CreateAsync).WithName("CreateSchedule")
            .WithSummary("Create a schedule: a sweep made from a template at every occurrence of a cron expression in a time zone");
        schedules.MapGet("", ListAsync).WithName("ListSchedules").WithSummary("Every schedule, by name, with its latest runs");
        schedules.MapGet("{name}", GetAsync).WithName("GetSchedule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A schedule with its next firing and latest runs");
        schedules.MapPatch("{name}", ChangeAsync).WithName("UpdateSchedule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Pause or resume a schedule, or change its cron, time zone or template");
        schedules.MapDelete("{name}", DeleteAsync).WithName("DeleteSchedule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a schedule (its sweeps stay)");
        schedules.MapPost("{name}/trigger", TriggerAsync).WithName("TriggerSchedule").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Fire a schedule now, as its time would (skipped while its previous run still runs)");
        schedules.ProducesValidationProblem();
        return app;
    }

    public static async Task<Results<Created<ScheduleView>, ValidationProblem>> CreateAsync(
        ScheduleCreate request, ScheduleRegistry registry, IDbContextFactory<TunerDbContext> contexts, TimeProvider clock, CancellationToken ct)
    {
        var model = request.Model is { } m
            ? new ScheduleModelRequest(m.Name, m.Margin, m.Guards?.Select(g => new MetricGuardRequest(g.Metric, g.Tolerance, g.Direction)).ToList(), m.ManualApproval)
            : null;
        var (schedule, problems) = await registry.CreateAsync(
            new ScheduleRequest(request.Name, request.Cron, request.TimeZone, request.Template, request.WarmStartBest, request.Overlap, model, request.WarmStartPriorWeight), ct);
        if (schedule is null) return Invalid("The schedule is invalid", problems);

        return TypedResults.Created($"/api/schedules/{schedule.Name}", (await ViewAsync(contexts, schedule.Name, clock, ct))!);
    }

    public static async Task<Ok<List<ScheduleView>>> ListAsync(IDbContextFactory<TunerDbContext> contexts, TimeProvider clock, CancellationToken ct)
    {
        // Two queries whatever the number of schedules: the schedules, then each one's latest runs.
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schedules = await db.Schedules.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var runs = (await db.ScheduleRuns.FromSql($"""
                SELECT id, schedule_id, fired_at, run_date, outcome, sweep_id, message
                FROM (SELECT *, row_number() OVER (PARTITION BY schedule_id ORDER BY id DESC) AS latest FROM tuner.schedule_runs) runs
                WHERE latest <= {RunsShown}
                """).AsNoTracking().ToListAsync(ct))
            .ToLookup(r => r.ScheduleId);
        return TypedResults.Ok(schedules.Select(s => View(s, runs[s.Id].OrderByDescending(r => r.Id), clock)).ToList());
    }

    public static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(
        string name, IDbContextFactory<TunerDbContext> contexts, TimeProvider clock, CancellationToken ct) =>
        await ViewAsync(contexts, name, clock, ct) is { } view ? TypedResults.Ok(view) : NotFound(name);

    public static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string name, ScheduleChange change, ScheduleRegistry registry, IDbContextFactory<TunerDbContext> contexts, TimeProvider clock, CancellationToken ct)
    {
        var (schedule, problems) = await registry.ChangeAsync(name, new ScheduleChangeRequest(change.Paused, change.Cron, change.TimeZone, change.Template), ct);
        if (schedule is null) return NotFound(name);
        if (problems.Count > 0) return Invalid("The schedule change is invalid", problems);
        return TypedResults.Ok((await ViewAsync(contexts, name, clock, ct))!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, ScheduleRegistry registry, CancellationToken ct) =>
        await registry.DeleteAsync(name, ct) ? TypedResults.NoContent() : NotFound(name);

    public static async Task<Results<Accepted<ScheduleRunView>, ProblemHttpResult>> TriggerAsync(
        string name, ScheduleFiring firing, IDbContextFactory<TunerDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = await db.Schedules.Where(s => s.Name == name).Select(s => (long?)s.Id).SingleOrDefaultAsync(ct);
        if (id is null || await firing.FireAsync(id.Value, "triggered through the API", ct) is not { } run) return NotFound(name);
        return TypedResults.Accepted($"/api/schedules/{name}", RunView(run));
    }

    private static async Task<ScheduleView?> ViewAsync(IDbContextFactory<TunerDbContext> contexts, string name, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, ct);
        if (schedule is null) return null;
        var runs = await db.ScheduleRuns.AsNoTracking().Where(r => r.ScheduleId == schedule.Id).OrderByDescending(r => r.Id).Take(RunsShown).ToListAsync(ct);
        return View(schedule, runs, clock);
    }

    private static ScheduleView View(Schedule schedule, IEnumerable<ScheduleRun> runs, TimeProvider clock) => new(
        schedule.Id, schedule.Name, schedule.Cron, schedule.TimeZone, schedule.Paused, schedule.CreatedAt,
        schedule.Paused ? null : ScheduleCalendar.Next(schedule.Cron, schedule.TimeZone, clock.GetUtcNow()),
        schedule.TemplateText, schedule.WarmStartBest, schedule.WarmStartPriorWeight, schedule.Overlap.ToString(), ModelOf(schedule), [.. runs.Select(RunView)]);

    private static ScheduleModel? ModelOf(Schedule schedule)
    {
        if (schedule.ModelName is null) return null;
        var policy = PromotionPolicies.Of(schedule);
        return new ScheduleModel(schedule.ModelName, policy.Margin,
            [.. policy.Guards.Select(g => new ScheduleMetricGuard(g.Metric, g.Tolerance, g.Direction.ToString().ToLowerInvariant()))], policy.ManualApproval);
    }

    private static ValidationProblem Invalid(string title, IReadOnlyList<(string Field, string Message)> problems) => TypedResults.ValidationProblem(
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        title: title, detail: $"{problems.Count} problem(s) found");

    private static ScheduleRunView RunView(ScheduleRun run) =>
        new(run.Id, run.FiredAt, run.RunDate, run.Outcome.ToString(), run.SweepId, run.Message);

    private static ProblemHttpResult NotFound(string name) => TypedResults.Problem(
        title: "Schedule not found", detail: $"there is no schedule named '{name}'", statusCode: StatusCodes.Status404NotFound);
}
