using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tuner.Jobs;
using Tuner.Persistence;
using Tuner.TestSupport.Hangfire;

namespace Tuner.Dashboard.Tests;

/// <summary>
/// A Kestrel app on a free loopback port with Hangfire on PostgreSQL configured as the scheduler configures it, Tuner's
/// database behind a DbContext factory as the scheduler registers it, and the dashboard mapped by
/// <see cref="TunerDashboard.MapTunerDashboard"/>, behind the forwarded-headers middleware a scheduler behind a
/// reverse proxy would use. No Hangfire server runs: enqueued jobs stay enqueued.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private DashboardApp(WebApplication app, Uri address)
    {
        this.app = app;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public IBackgroundJobClient Jobs => Services.GetRequiredService<IBackgroundJobClient>();

    /// <param name="access">What the dashboard is given; null: its default.</param>
    /// <param name="pathBase">A PathBase the app runs under (as behind a proxy that mounts it under a prefix).</param>
    /// <param name="tunerDatabase">Where Tuner's rows are read; null: the Hangfire database.</param>
    public static async Task<DashboardApp> StartAsync(
        string connectionString, TunerDashboardAccess? access = null, string? pathBase = null, string? tunerDatabase = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDbContextFactory<TunerDbContext>(o => o.UseTunerPostgres(tunerDatabase ?? connectionString));
        builder.Services.AddTunerHangfire(connectionString);
        var app = builder.Build();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
            app.UseRouting();
        }

        app.MapTunerDashboard(access);
        await app.StartAsync();
        HangfireProcessLogging.Pin();
        var address = app.Urls.Single();
        return new DashboardApp(app, new Uri(address + (pathBase ?? "") + "/"));
    }

    /// <summary>A dashboard page, <paramref name="path"/> under /hangfire/.</summary>
    public async Task<DashboardPage> PageAsync(string path)
    {
        var response = await Http.GetAsync(TunerDashboard.HangfirePath.TrimStart('/') + "/" + path);
        return new DashboardPage(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
