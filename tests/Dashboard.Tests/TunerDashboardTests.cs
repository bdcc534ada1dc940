using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tuner.TestSupport.Postgres;

namespace Tuner.Dashboard.Tests;

public sealed class TunerDashboardTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Hangfire_Answers200Locally_WithTheTunerTitle_AndNoConnectionString()
    {
        var connectionString = await postgres.CreateDatabaseAsync("dashboard");
        await using var app = await DashboardApp.StartAsync(connectionString);

        var response = await app.Http.GetAsync(TunerDashboard.HangfirePath.TrimStart('/'));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<title>[^<]*Tuner — jobs</title>", page);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.DoesNotContain(connectionString, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"Host={settings.Host}", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(settings.Database!, page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hangfire_Returns401_ForARequestForwardedFromAnotherMachine()
    {
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("dashboard"));
        using var request = new HttpRequestMessage(HttpMethod.Get, TunerDashboard.HangfirePath.TrimStart('/'));
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Tuner — jobs", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task GivenAuthorization_ReplacesLocalOnly()
    {
        var access = new TunerDashboardAccess { Authorization = [new KeyHeaderFilter()] };
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("dashboard"), access);

        var withKey = await app.Http.SendAsync(Remote(KeyHeaderFilter.Header));
        var withoutKey = await app.Http.SendAsync(Remote(header: null));

        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains("Tuner — jobs", WebUtility.HtmlDecode(await withKey.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Hangfire_ShowsAJobEnqueuedInThePostgreSqlStorage()
    {
        await using var app = await DashboardApp.StartAsync(await postgres.CreateDatabaseAsync("dashboard"));
        var jobId = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => Console.WriteLine("dashboard probe"));

        var response = await app.Http.GetAsync($"{TunerDashboard.HangfirePath.TrimStart('/')}/jobs/details/{jobId}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dashboard probe", page);
        Assert.Contains("Enqueued", page);
    }

    /// <summary>A request forwarded from another machine, with the key header when one is named.</summary>
    private static HttpRequestMessage Remote(string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, TunerDashboard.HangfirePath.TrimStart('/'));
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (header is not null) request.Headers.Add(header, "any");
        return request;
    }

    /// <summary>What a sign-in filter does, in miniature: lets in a request that carries a key, from anywhere.</summary>
    private sealed class KeyHeaderFilter : IDashboardAuthorizationFilter
    {
        public const string Header = "X-Tuner-Test-Key";

        public bool Authorize(DashboardContext context) => context.GetHttpContext().Request.Headers.ContainsKey(Header);
    }
}
