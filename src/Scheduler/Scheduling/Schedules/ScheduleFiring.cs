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
/// Fires a schedule once (its Hangfire recurring job, or trigger-now): under the schedule's row lock, while the previous
/// run's sweep is still running a firing is skipped, or queued (<see cref="Schedule.Overlap"/>; at most one waits, and
/// a reconciler pass starts it once that run ends: <see cref="StartQueuedAsync"/>); otherwise the template is filled for the run
/// ({run_date}, {run_id}), parsed as any submitted definition, and stored as a new sweep in the same transaction as the
/// run, so a crash leaves both or neither. Every firing is recorded
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
    public Task<ScheduleRun?> FireAsync(long scheduleId, string trigger, CancellationToken ct) => FireAsync(scheduleId, trigger, resumeQueued: false, ct);

    /// <summary>Starts every queued run whose previous run has ended (a reconciler pass); the others keep waiting.</summary>
    public async Task StartQueuedAsync(CancellationToken ct)
    {
        List<long> waiting;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            waiting = await db.ScheduleRuns.Where(r => r.Outcome == ScheduleRunOutcome.Queued).Select(r => r.ScheduleId).Distinct().ToListAsync(ct);
        }

        foreach (var scheduleId in waiting)
        {
            await FireAsync(scheduleId, "queued", resumeQueued: true, ct);
        }
    }

    private async Task<ScheduleRun?> FireAsync(long scheduleId, string trigger, bool resumeQueued, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var schedule = await db.Schedules.FromSql($"SELECT * FROM tuner.schedules WHERE id = {scheduleId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (schedule is null) return null;

        var now = clock.GetUtcNow();
        var queued = await db.ScheduleRuns.Where(r => r.ScheduleId == schedule.Id && r.Outcome == ScheduleRunOutcome.Queued)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        var previous = await db.ScheduleRuns.Where(r => r.ScheduleId == schedule.Id && r.SweepId != null && r.Outcome == ScheduleRunOutcome.Started)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.SweepId }).FirstOrDefaultAsync(ct);
        var running = previous is not null && await db.Sweeps.AnyAsync(s => s.Id == previous.SweepId && Live.Contains(s.State), ct);
        if (resumeQueued && (queued is null || running)) return queued;

        ScheduleRun run;
        if (running)
        {
            run = new ScheduleRun { ScheduleId = schedule.Id, FiredAt = now, RunDate = ScheduleCalendar.DateOf(now, schedule.TimeZone) };
            var behind = $"the previous run (run {previous!.Id}, sweep {previous.SweepId}) is still running";
            (run.Outcome, run.Message) = schedule.Overlap == ScheduleOverlap.Queue && queued is null
                ? (ScheduleRunOutcome.Queued, $"{trigger}: queued, {behind}")
                : (ScheduleRunOutcome.Skipped, queued is null ? $"{trigger}: skipped, {behind}" : $"{trigger}: skipped, run {queued.Id} already waits behind it");
            db.ScheduleRuns.Add(run);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Schedule {Schedule}: {Message}", schedule.Name, run.Message);
            return run;
        }

        if (queued is not null)
        {
            // A queued run keeps its id and date: it is the firing that waited.
            run = queued;
            run.Message = $"{run.Message}; started when the previous run ended";
        }
        else
        {
            run = new ScheduleRun { ScheduleId = schedule.Id, FiredAt = now, RunDate = ScheduleCalendar.DateOf(now, schedule.TimeZone), Message = trigger };
            db.ScheduleRuns.Add(run);
        }

        await db.SaveChangesAsync(ct);
        var text = ScheduleTemplate.Fill(schedule.TemplateText, run.RunDate, run.Id);
        var parsed = await SweepDefinitionParser.ParseAsync(text, workloads, ct);
        if (parsed.Definition is { WarmStart: null } && schedule.WarmStartBest is { } best && previous?.SweepId is { } previousSweep)
        {
            // The template names no warm start of its own: start from the previous run's best, written into the run's
            // definition so the sweep's stored text says so and its plan keeps the prior.
            text = WarmStartText.Add(text, new WarmStartSection(previousSweep, best, schedule.WarmStartPriorWeight));
            parsed = await SweepDefinitionParser.ParseAsync(text, workloads, ct);
        }

        var definition = parsed.Definition;

        var problem = definition is null
            ? string.Join("; ", parsed.Problems.Select(p => p.ToString()))
            : await WarmStarts.ProblemAsync(db, definition, ct);
        Sweep? started = null;
        if (problem is not null)
        {
            run.Outcome = ScheduleRunOutcome.Failed;
            run.Message = $"{run.Message}: the run's definition was refused: {problem}";
        }
        else
        {
            // In this transaction: the run and its sweep are stored together, or neither is.
            started = await submission.StoreAsync(db, definition!, text, ct);
            run.Outcome = ScheduleRunOutcome.Started;
            run.SweepId = started.Id;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (started is not null) submission.Start(started);
        logger.LogInformation("Schedule {Schedule} run {Run}: {Outcome} {Sweep}", schedule.Name, run.Id, run.Outcome, run.SweepId);
        return run;
    }
}
