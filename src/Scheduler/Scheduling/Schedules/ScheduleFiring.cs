using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tuner.Core.Definitions;
using Tuner.Core.Model;
using Tuner.Core.Schedules;
using Tuner.Core.Workloads;
using Tuner.Persistence;
using Tuner.Scheduling.Sweeps;

namespace Tuner.Scheduling.Schedules;

/// <summary>
/// Fires a schedule once (its Hangfire recurring job, or trigger-now): under the schedule's row lock, a run is skipped
/// while the previous run's sweep is still running (one at a time); otherwise the template is filled for the run
/// ({run_date}, {run_id}), parsed as any submitted definition, and submitted as a new sweep. Every firing is recorded
/// as a <see cref="ScheduleRun"/>, with the sweep it started or why it started none. Hangfire delivers at least once:
/// a second delivery of the same firing finds the first run's sweep running and is skipped.
/// </summary>
public sealed class ScheduleFiring(
    IDbContextFactory<TunerDbContext> contexts,
    SweepSubmission submission,
    IWorkloadCatalog workloads,
    TimeProvider clock,
    ILogger<ScheduleFiring> logger)
{
    private static readonly SweepState[] Live = [SweepState.Running, SweepState.Paused, SweepState.Cancelling];

    /// <returns>The run recorded, or null when there is no such schedule.</returns>
    public async Task<ScheduleRun?> FireAsync(long scheduleId, string trigger, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var schedule = await db.Schedules.FromSql($"SELECT * FROM tuner.schedules WHERE id = {scheduleId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (schedule is null) return null;

        var now = clock.GetUtcNow();
        var run = new ScheduleRun { ScheduleId = schedule.Id, FiredAt = now, RunDate = ScheduleCalendar.DateOf(now, schedule.TimeZone), Message = trigger };
        db.ScheduleRuns.Add(run);
        var previous = await db.ScheduleRuns.Where(r => r.ScheduleId == schedule.Id && r.SweepId != null && r.Outcome == ScheduleRunOutcome.Started)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.SweepId }).FirstOrDefaultAsync(ct);
        if (previous is not null && await db.Sweeps.AnyAsync(s => s.Id == previous.SweepId && Live.Contains(s.State), ct))
        {
            run.Outcome = ScheduleRunOutcome.Skipped;
            run.Message = $"{trigger}: skipped, the previous run (run {previous.Id}, sweep {previous.SweepId}) is still running";
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Schedule {Schedule}: {Message}", schedule.Name, run.Message);
            return run;
        }

        await db.SaveChangesAsync(ct);
        var text = ScheduleTemplate.Fill(schedule.TemplateText, run.RunDate, run.Id);
        var parsed = await SweepDefinitionParser.ParseAsync(text, workloads, ct);
        var definition = parsed.Definition;
        if (definition is { WarmStart: null } && schedule.WarmStartBest is { } best && previous?.SweepId is { } previousSweep)
        {
            // The template names no warm start of its own: start from the previous run's best.
            definition = definition with { WarmStart = new WarmStartSection(previousSweep, best) };
        }

        var problem = definition is null
            ? string.Join("; ", parsed.Problems.Select(p => p.ToString()))
            : await WarmStarts.ProblemAsync(db, definition, ct);
        if (problem is not null)
        {
            run.Outcome = ScheduleRunOutcome.Failed;
            run.Message = $"{trigger}: the run's definition was refused: {problem}";
        }
        else
        {
            var sweep = await submission.SubmitAsync(definition!, text, ct);
            run.Outcome = ScheduleRunOutcome.Started;
            run.SweepId = sweep.Id;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Schedule {Schedule} run {Run}: {Outcome} {Sweep}", schedule.Name, run.Id, run.Outcome, run.SweepId);
        return run;
    }
}
