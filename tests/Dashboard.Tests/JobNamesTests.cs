using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Jobs;
using Tuner.TestSupport.Postgres;

namespace Tuner.Dashboard.Tests;

/// <summary>Tuner's jobs, enqueued as the scheduler enqueues them, named from the database on the dashboard's pages.</summary>
public sealed class JobNamesTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task TrialJob_IsNamedForItsTrialAndSweep_InTheQueueAndOnItsDetailsPage()
    {
        var database = await postgres.CreateDatabaseAsync("names");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("mnist-mlp");
        var trial = await rows.AddTrialAsync(sweep, number: 12);
        await using var app = await DashboardApp.StartAsync(database);
        var jobId = app.Jobs.Enqueue<TrialJob>(sweep.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));

        var queue = await app.PageAsync($"jobs/enqueued/{sweep.Pool}");
        var details = await app.PageAsync($"jobs/details/{jobId}");

        var name = $"Trial 12 of sweep {sweep.Id} 'mnist-mlp'";
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains(name, queue.Text);
        Assert.DoesNotContain("TrialJob.RunAsync", queue.Text);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains($"<h1 class=\"page-header\">{name}</h1>", details.Text);
    }

    [Fact]
    public async Task OrchestrationJob_IsNamedForItsSweep()
    {
        var database = await postgres.CreateDatabaseAsync("names");
        var rows = await TunerRows.MigrateAsync(database);
        var sweep = await rows.AddSweepAsync("mnist-mlp");
        await using var app = await DashboardApp.StartAsync(database);
        var jobId = app.Jobs.Enqueue<SweepOrchestrationJob>(job => job.RunAsync(sweep.Id, CancellationToken.None));

        var queue = await app.PageAsync($"jobs/enqueued/{HangfireSetup.OrchestratorQueue}");
        var details = await app.PageAsync($"jobs/details/{jobId}");

        var name = $"Orchestration pass of sweep {sweep.Id} 'mnist-mlp'";
        Assert.Contains(name, queue.Text);
        Assert.Contains(name, details.Text);
    }

    [Fact]
    public async Task ScheduleRecurringJob_IsNamedForItsSchedule()
    {
        var database = await postgres.CreateDatabaseAsync("names");
        var rows = await TunerRows.MigrateAsync(database);
        var schedule = await rows.AddScheduleAsync("nightly");
        await using var app = await DashboardApp.StartAsync(database);
        new HangfireSchedules(app.Services.GetRequiredService<IRecurringJobManager>()).Register(schedule);

        var recurring = await app.PageAsync("recurring");

        Assert.Equal(HttpStatusCode.OK, recurring.Status);
        Assert.Contains(HangfireSchedules.JobId("nightly"), recurring.Text);
        Assert.Contains("Scheduled run of 'nightly'", recurring.Text);
    }

    [Fact]
    public async Task JobsOfDeletedRows_StillRender_SayingTheirRowIsGone()
    {
        var database = await postgres.CreateDatabaseAsync("names");
        var rows = await TunerRows.MigrateAsync(database);
        var kept = await rows.AddSweepAsync("kept");
        var trial = await rows.AddTrialAsync(kept, number: 3);
        var removed = await rows.AddSweepAsync("removed");
        var schedule = await rows.AddScheduleAsync("gone");
        await using var app = await DashboardApp.StartAsync(database);
        var trialJob = app.Jobs.Enqueue<TrialJob>(kept.Pool, job => job.RunAsync(trial.Id, CancellationToken.None));
        var passJob = app.Jobs.Enqueue<SweepOrchestrationJob>(job => job.RunAsync(removed.Id, CancellationToken.None));
        var firedJob = app.Jobs.Enqueue<ScheduleJob>(job => job.RunAsync(schedule.Id, CancellationToken.None));
        await rows.DeleteTrialAsync(trial);
        await rows.DeleteSweepAsync(removed);
        await rows.DeleteScheduleAsync(schedule);

        var trialPage = await app.PageAsync($"jobs/details/{trialJob}");
        var passPage = await app.PageAsync($"jobs/details/{passJob}");
        var firedPage = await app.PageAsync($"jobs/details/{firedJob}");
        var queue = await app.PageAsync($"jobs/enqueued/{kept.Pool}");

        Assert.Equal(HttpStatusCode.OK, trialPage.Status);
        Assert.Contains($"Trial #{trial.Id} (no longer in the database)", trialPage.Text);
        Assert.Contains($"Trial #{trial.Id} (no longer in the database)", queue.Text);
        Assert.Contains($"Orchestration pass of sweep {removed.Id} (no longer in the database)", passPage.Text);
        Assert.Contains($"Scheduled run of schedule #{schedule.Id} (no longer in the database)", firedPage.Text);
    }

    [Fact]
    public async Task ADatabaseThatCannotBeRead_LeavesThePagesUp_WithTheJobsIds()
    {
        var hangfire = await postgres.CreateDatabaseAsync("names");
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(hangfire) { Database = "no_such_database" }.ConnectionString;
        await using var app = await DashboardApp.StartAsync(hangfire, tunerDatabase: missing);
        var first = app.Jobs.Enqueue<TrialJob>("local", job => job.RunAsync(21, CancellationToken.None));
        app.Jobs.Enqueue<TrialJob>("local", job => job.RunAsync(22, CancellationToken.None));

        var queue = await app.PageAsync("jobs/enqueued/local");
        var details = await app.PageAsync($"jobs/details/{first}");

        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Trial #21", queue.Text);
        Assert.Contains("Trial #22", queue.Text);
        Assert.DoesNotContain("no longer in the database", queue.Text);
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("Trial #21: its page is unavailable while the database cannot be read.", details.Text);
    }
}
