using Microsoft.EntityFrameworkCore;
using Tuner.Core.Definitions;
using Tuner.Core.Model;
using Tuner.Core.Queueing;
using Tuner.Core.Schedules;
using Tuner.Core.Workloads;
using Tuner.Persistence;
using Tuner.Search.Samplers;
using Tuner.Scheduling.Models;

namespace Tuner.Scheduling.Schedules;

/// <summary>What a schedule is asked to be: its name, cron expression, time zone and sweep template.</summary>
/// <param name="WarmStartBest">Each run starts from the previous run's best this many configurations (1-100); null: none.</param>
/// <param name="Overlap">"skip" (the default) or "queue": what a firing does while the previous run still runs.</param>
/// <param name="Model">The model each run's best trial challenges; null: none.</param>
/// <param name="WarmStartPriorWeight">With WarmStartBest: the previous run's complete trials join the sampler's history at this weight, in (0, 1].</param>
public sealed record ScheduleRequest(
    string? Name, string? Cron, string? TimeZone, string? Template, int? WarmStartBest = null, string? Overlap = null, ScheduleModelRequest? Model = null,
    double? WarmStartPriorWeight = null);

/// <summary>A change to a schedule: pause or resume, and a new cron expression, time zone or template (each checked as
/// at creation); what is null stays.</summary>
public sealed record ScheduleChangeRequest(bool? Paused = null, string? Cron = null, string? TimeZone = null, string? Template = null);

/// <summary>
/// Makes, changes (pause, resume, cron, time zone, template) and deletes schedules, keeping each one's Hangfire recurring job in step
/// (<see cref="IRecurringSchedules"/>). A schedule is checked whole before it is stored: its name, its cron expression
/// and time zone (<see cref="ScheduleCalendar"/>), and its template, filled with a sample run's placeholders and parsed
/// as any definition, so a template that could never start a sweep is refused now, not at 2 a.m.
/// </summary>
public sealed class ScheduleRegistry(
    IDbContextFactory<TunerDbContext> contexts, IRecurringSchedules recurring, IWorkloadCatalog workloads, TimeProvider clock)
{
    /// <returns>The schedule, or every problem (field, message) when it is refused; a taken name is a problem of "name".</returns>
    public async Task<(Schedule? Schedule, IReadOnlyList<(string Field, string Message)> Problems)> CreateAsync(ScheduleRequest request, CancellationToken ct)
    {
        var (problems, template) = await ProblemsAsync(request, ct);
        if (request.WarmStartPriorWeight is not null && template is { WarmStart: null } && !SamplerCatalog.LearnsFromTrials(template.Sampler.Kind))
            problems.Add(("warmStartPriorWeight", $"a prior needs a sampler that learns from trials (auto, tpe, tpe-mv or gp), but the template's sampler.kind is '{template.Sampler.Kind}'"));
        var policy = request.Model is { } model ? PromotionPolicyCheck.Read(model, template, problems) : null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (problems.Count == 0 && await db.Schedules.AnyAsync(s => s.Name == request.Name, ct))
            problems.Add(("name", $"there is already a schedule named '{request.Name}'"));
        if (problems.Count > 0) return (null, problems);

        var schedule = new Schedule
        {
            Name = request.Name!, Cron = request.Cron!.Trim(), TimeZone = request.TimeZone!, TemplateText = request.Template!,
            WarmStartBest = request.WarmStartBest, WarmStartPriorWeight = request.WarmStartPriorWeight, Overlap = OverlapOf(request.Overlap) ?? ScheduleOverlap.Skip, CreatedAt = clock.GetUtcNow(),
            ModelName = request.Model?.Name,
        };
        if (policy is not null) PromotionPolicies.Store(schedule, policy);
        db.Schedules.Add(schedule);
        if (schedule.ModelName is { } modelName)
        {
            await RegisteredModels.EnsureAsync(db, modelName, clock.GetUtcNow(), ct);
        }

        await db.SaveChangesAsync(ct);
        recurring.Register(schedule);
        return (schedule, []);
    }

    /// <summary>Pauses (no firing until resumed) or resumes the schedule, and changes its cron, time zone or template,
    /// checked as at creation; the next firing uses them. Schedule null when there is none.</summary>
    public async Task<(Schedule? Schedule, IReadOnlyList<(string Field, string Message)> Problems)> ChangeAsync(
        string name, ScheduleChangeRequest change, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schedule = await db.Schedules.SingleOrDefaultAsync(s => s.Name == name, ct);
        if (schedule is null) return (null, []);
        if (change is { Paused: null, Cron: null, TimeZone: null, Template: null })
            return (schedule, [("paused", "expected a change: paused (true or false), cron, timeZone or template")]);

        var request = new ScheduleRequest(name, change.Cron ?? schedule.Cron, change.TimeZone ?? schedule.TimeZone, change.Template ?? schedule.TemplateText);
        var (problems, template) = await ProblemsAsync(request, ct);
        if (schedule.ModelName is { } model && change.Template is not null)
            PromotionPolicyCheck.Read(new ScheduleModelRequest(model, schedule.PromotionMargin, [.. PromotionPolicies.Of(schedule).Guards.Select(g => new MetricGuardRequest(g.Metric, g.Tolerance, g.Direction.ToString()))]), template, problems);
        if (problems.Count > 0) return (schedule, problems);

        schedule.Paused = change.Paused ?? schedule.Paused;
        schedule.Cron = request.Cron!.Trim();
        schedule.TimeZone = request.TimeZone!;
        schedule.TemplateText = request.Template!;
        await db.SaveChangesAsync(ct);
        recurring.Register(schedule);
        return (schedule, []);
    }



    /// <summary>Deletes the schedule and its runs' records (their sweeps stay); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.Schedules.Where(s => s.Name == name).ExecuteDeleteAsync(ct);
        if (deleted == 1) recurring.Remove(name);
        return deleted == 1;
    }

    private async Task<(List<(string Field, string Message)> Problems, SweepDefinition? Template)> ProblemsAsync(ScheduleRequest request, CancellationToken ct)
    {
        var problems = new List<(string, string)>();
        SweepDefinition? template = null;
        if (request.Name is not { } name || !ResourceName.IsValid(name))
            problems.Add(("name", ResourceName.Expected(request.Name)));
        if (request.Cron is null) problems.Add(("cron", "expected a cron expression, such as '0 2 * * *'"));
        if (request.TimeZone is null) problems.Add(("timeZone", "expected an IANA time zone name, such as UTC or Europe/Paris"));
        if (request.Cron is not null && request.TimeZone is not null) problems.AddRange(ScheduleCalendar.Problems(request.Cron, request.TimeZone));
        if (request.Overlap is { } overlap && OverlapOf(overlap) is null)
            problems.Add(("overlap", $"expected skip or queue, got '{overlap}'"));
        if (request.WarmStartBest is < 1 or > WarmStartSection.MostBest)
            problems.Add(("warmStartBest", $"expected a whole number from 1 to {WarmStartSection.MostBest}, got {request.WarmStartBest}"));
        if (request.WarmStartPriorWeight is { } weight && (!(weight > 0 && weight <= 1) || request.WarmStartBest is null))
        {
            problems.Add(("warmStartPriorWeight", request.WarmStartBest is null
                ? "a prior weight needs warmStartBest: the previous run's trials are a prior of the warm start"
                : $"expected a number greater than 0 and at most 1, got {weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }
        if (request.Template is null)
        {
            problems.Add(("template", "expected a sweep definition (YAML or JSON), with {run_date} and {run_id} where each run differs"));
        }
        else
        {
            var sample = ScheduleTemplate.Fill(request.Template, "2000-01-01", 1);
            var parsed = await SweepDefinitionParser.ParseAsync(sample, workloads, ct);
            template = parsed.Definition;
            problems.AddRange(parsed.Problems.Select(p => (p.Path.Length == 0 ? "template" : $"template.{p.Path}", p.Line is { } line ? $"{p.Message} (line {line})" : p.Message)));
        }

        return (problems, template);
    }

    private static ScheduleOverlap? OverlapOf(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "skip" => ScheduleOverlap.Skip,
        "queue" => ScheduleOverlap.Queue,
        _ => null,
    };
}
