using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tuner.Dashboard;

/// <summary>Mounts the Hangfire dashboard (jobs, queues, servers) beside Tuner's API and pages, linked to them.</summary>
public static class TunerDashboard
{
    public const string HangfirePath = "/hangfire";

    /// <summary>Tuner's list of sweeps: the dashboard's "Back to site" and its "Sweeps" menu entry lead there.</summary>
    public const string SweepsPath = "/sweeps";

    /// <summary>
    /// Maps the dashboard as Hangfire's <c>MapHangfireDashboard</c> does, except that its options are made for each
    /// request: "Back to site" (<see cref="DashboardOptions.AppPath"/>) is then the request's own PathBase followed by
    /// <see cref="SweepsPath"/>, which one options object shared by every request could not say behind a reverse proxy
    /// that mounts Tuner under a prefix. A trial job's link to its page (Tuner.Jobs) is built under that AppPath too.
    /// </summary>
    /// <param name="access">Who may see and who may act; null: <see cref="TunerDashboardAccess.LocalOnly"/>.</param>
    /// <returns>The dashboard's endpoint, for the host's authorization conventions.</returns>
    public static IEndpointConventionBuilder MapTunerDashboard(this IEndpointRouteBuilder endpoints, TunerDashboardAccess? access = null)
    {
        access ??= TunerDashboardAccess.LocalOnly;
        var services = endpoints.ServiceProvider;
        // Resolving the storage runs AddHangfire's configuration, as MapHangfireDashboard's own check does.
        var storage = services.GetRequiredService<JobStorage>();
        var routes = services.GetRequiredService<Hangfire.Dashboard.RouteCollection>();
        var timeZones = services.GetService<ITimeZoneResolver>();
        SweepsMenuItem.Register();

        var pipeline = endpoints.CreateApplicationBuilder()
            .UsePathBase(HangfirePath)
            .Use(next => httpContext =>
            {
                var options = Options(access, SitePathBase(httpContext.Request.PathBase), timeZones);
                return new AspNetCoreDashboardMiddleware(next, storage, options, routes, finalizeWhenNotFound: true).Invoke(httpContext);
            })
            .Build();
        return endpoints.Map(HangfirePath + "/{**path}", pipeline);
    }

    /// <summary>The site's PathBase: UsePathBase appended the matched <see cref="HangfirePath"/> (same length,
    /// whatever its case) to the PathBase the request came with.</summary>
    private static PathString SitePathBase(PathString dashboardPathBase)
    {
        var value = dashboardPathBase.Value ?? string.Empty;
        return new PathString(value.EndsWith(HangfirePath, StringComparison.OrdinalIgnoreCase) ? value[..^HangfirePath.Length] : value);
    }

    /// <summary>
    /// Local requests only unless <paramref name="access"/> says otherwise; the storage's connection string is never
    /// shown (it would name the database host and user to anyone who may open the dashboard).
    /// </summary>
    private static DashboardOptions Options(TunerDashboardAccess access, PathString site, ITimeZoneResolver? timeZones) => new()
    {
        DashboardTitle = "Tuner — jobs",
        AppPath = site.Add(SweepsPath).ToUriComponent(),
        Authorization = access.Authorization,
        // After Authorization: Hangfire empties Authorization when AsyncAuthorization is set over its default filters.
        AsyncAuthorization = access.AsyncAuthorization,
        IsReadOnlyFunc = access.IsReadOnly,
        DisplayStorageConnectionString = false,
        TimeZoneResolver = timeZones,
    };
}
