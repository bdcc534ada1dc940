using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Tuner.TestSupport.Postgres;

namespace Tuner.Dashboard.Tests;

/// <summary><see cref="TunerDashboardAccess.IsReadOnly"/>: the read role sees the jobs and cannot act on them.</summary>
public sealed class ReadOnlyTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TunerDashboardAccess ReadOnly = new() { IsReadOnly = _ => true };

    [Fact]
    public async Task ReadOnly_HidesRequeueAndDelete_AndRefusesARequeue()
    {
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("readonly"), ReadOnly);
        var jobId = app.Jobs.Enqueue(() => Console.WriteLine("read-only probe"));
        var before = History(app, jobId);

        var page = await app.PageAsync($"jobs/details/{jobId}");
        var requeue = await RequeueAsync(app, jobId);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("read-only probe", page.Text);
        Assert.DoesNotContain("/jobs/actions/requeue/", page.Text);
        Assert.DoesNotContain("/jobs/actions/delete/", page.Text);
        Assert.Equal(HttpStatusCode.Unauthorized, requeue.StatusCode);
        Assert.Equal(before, History(app, jobId));
    }

    [Fact]
    public async Task ByDefault_ShowsRequeueAndDelete_AndRequeues()
    {
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("readonly"));
        var jobId = app.Jobs.Enqueue(() => Console.WriteLine("writable probe"));
        var before = History(app, jobId);

        var page = await app.PageAsync($"jobs/details/{jobId}");
        var requeue = await RequeueAsync(app, jobId);

        Assert.Contains($"/jobs/actions/requeue/{jobId}", page.Text);
        Assert.Contains($"/jobs/actions/delete/{jobId}", page.Text);
        Assert.Equal(HttpStatusCode.NoContent, requeue.StatusCode);
        Assert.Equal(before + 1, History(app, jobId));
    }

    private static Task<HttpResponseMessage> RequeueAsync(DashboardApp app, string jobId) => app.Http.PostAsync(
        $"{TunerDashboard.HangfirePath.TrimStart('/')}/jobs/actions/requeue/{jobId}", new FormUrlEncodedContent([]));

    /// <summary>How many states the job has been through: a requeue adds one.</summary>
    private static int History(DashboardApp app, string jobId) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Count;
}
