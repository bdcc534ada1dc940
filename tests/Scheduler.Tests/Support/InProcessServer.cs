using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Webhooks;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Core.Definitions;
using Tuner.Persistence;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Settings;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduling.Settings;
using Tuner.TestSupport;
using Tuner.TestSupport.Hangfire;

namespace Tuner.Scheduler.Tests.Support;

/// <summary>
/// `tuner server` in this process: <see cref="ServerHost.Build"/> as the command builds it (REST API, /metrics, Hangfire
/// on the orchestrator queue, reconciler, autoscaler with no local workers) on a fresh, migrated database, listening on
/// a free loopback port.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _home;

    private InProcessServer(WebApplication app, string home, HttpClient http)
    {
        _app = app;
        _home = home;
        Http = http;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="costs">The prices the ledger charges; null: the defaults (local price unset).</param>
    /// <param name="webhooks">Where alerts go; null: nowhere.</param>
    /// <param name="host">The address it listens on (a free port is added); loopback when left out.</param>
    /// <param name="accessMode">TUNER_AUTH: auto (open on loopback, keys elsewhere), keys or open.</param>
    /// <param name="pathBase">TUNER_PATH_BASE: the path a proxy serves it under; null: the root.</param>
    public static async Task<InProcessServer> StartAsync(
        string connectionString, CostSettings? costs = null, WebhookSettings? webhooks = null, string host = "127.0.0.1",
        string accessMode = Tuner.Scheduling.Access.AccessOptions.Auto, string? pathBase = null)
    {
        await TunerDatabase.MigrateAsync(connectionString, CancellationToken.None);
        var home = Directory.CreateTempSubdirectory("tuner-server-it-").FullName;
        var url = $"http://{host}:{FreePort.Next()}";
        var settings = new TunerSettings
        {
            Home = home,
            DatabaseUrl = connectionString,
            CheckpointRoot = Path.Combine(home, "checkpoints"),
            DataDirectory = RepositoryPaths.MnistDirectory,
            Urls = url,
            PathBase = pathBase,
        };
        var server = new ServerSettings(
            settings, new CapacitySettings("tuner", null, null, LocalMaxWorkers: 0), new DefinitionLimits(), new CloudSettings(null, null),
            costs ?? CostSettings.Default, webhooks ?? WebhookSettings.None, accessMode);
        var app = ServerHost.Build(server, connectionString, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        await ServerHost.StartAsync(app);
        HangfireProcessLogging.Pin();
        return new InProcessServer(app, home, new HttpClient { BaseAddress = new Uri(url + "/") });
    }

    /// <summary>A client of its own (cookies and headers not shared with <see cref="Http"/>) that follows no redirects.</summary>
    public HttpClient NewClient(System.Net.CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new System.Net.CookieContainer(), UseCookies = true };
        return new HttpClient(handler) { BaseAddress = Http.BaseAddress };
    }

    public Task<TunerDbContext> DbAsync() => _app.Services.GetRequiredService<IDbContextFactory<TunerDbContext>>().CreateDbContextAsync();

    /// <summary>POST /api/sweeps with <paramref name="yaml"/>, which must be accepted; returns the sweep's id.</summary>
    public async Task<long> SubmitAsync(string yaml)
    {
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        using var response = await Http.PostAsync("api/sweeps", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Api.Contracts.SweepCreated>())!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // A stopped server's pooled connections stay open until Npgsql prunes them (5 idle minutes); dozens of servers
        // in one run would otherwise hold the test cluster's 300 connections ("sorry, too many clients already").
        // Clearing closes idle connections only: other tests' busy ones close when handed back and are opened again.
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }
    }
}
