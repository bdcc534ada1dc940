using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging;
using Tuner.Jobs;

namespace Tuner.Dashboard.Tests;

/// <summary>
/// A Kestrel app on a free loopback port with Hangfire on PostgreSQL configured as the scheduler configures it and the
/// dashboard mapped by <see cref="TunerDashboard.MapTunerDashboard"/>, behind the forwarded-headers middleware a
/// scheduler behind a reverse proxy would use.
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

    public static async Task<DashboardApp> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddTunerHangfire(connectionString);
        var app = builder.Build();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        app.MapTunerDashboard();
        await app.StartAsync();
        var address = app.Urls.Single();
        return new DashboardApp(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
