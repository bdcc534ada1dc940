using Microsoft.EntityFrameworkCore;
using Tuner.Core.Model;
using Tuner.Persistence;

namespace Tuner.Dashboard.Tests;

/// <summary>Tuner's schema migrated by its own migrator, and the sweeps, trials and schedules the jobs are about.</summary>
public sealed class TunerRows(string connectionString)
{
    public static async Task<TunerRows> MigrateAsync(string connectionString)
    {
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);
        return new TunerRows(connectionString);
    }

    public async Task<Sweep> AddSweepAsync(string name)
    {
        await using var db = Open();
        var sweep = new Sweep
        {
            Name = name,
            DefinitionText = $"name: {name}",
            Objective = "val_loss",
            State = SweepState.Running,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Sweeps.Add(sweep);
        await db.SaveChangesAsync();
        return sweep;
    }

    public async Task<Trial> AddTrialAsync(Sweep sweep, int number)
    {
        await using var db = Open();
        var trial = new Trial { SweepId = sweep.Id, Number = number, ParamsJson = "{}", CreatedAt = DateTimeOffset.UtcNow };
        db.Trials.Add(trial);
        await db.SaveChangesAsync();
        return trial;
    }

    public async Task<Schedule> AddScheduleAsync(string name)
    {
        await using var db = Open();
        var schedule = new Schedule
        {
            Name = name,
            Cron = "0 3 * * *",
            TimeZone = "UTC",
            TemplateText = $"name: {name}",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Schedules.Add(schedule);
        await db.SaveChangesAsync();
        return schedule;
    }

    public async Task DeleteTrialAsync(Trial trial)
    {
        await using var db = Open();
        await db.Trials.Where(t => t.Id == trial.Id).ExecuteDeleteAsync();
    }

    public async Task DeleteSweepAsync(Sweep sweep)
    {
        await using var db = Open();
        await db.Trials.Where(t => t.SweepId == sweep.Id).ExecuteDeleteAsync();
        await db.Sweeps.Where(s => s.Id == sweep.Id).ExecuteDeleteAsync();
    }

    public async Task DeleteScheduleAsync(Schedule schedule)
    {
        await using var db = Open();
        await db.Schedules.Where(s => s.Id == schedule.Id).ExecuteDeleteAsync();
    }

    private TunerDbContext Open() => new(TunerDatabase.Options(connectionString));
}
