using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Tuner.Dashboard;

/// <summary>Mounts the Hangfire dashboard (jobs, queues, servers) beside Tuner's API.</summary>
public static class TunerDashboard
{
    public const string HangfirePath = "/hangfire";

    /// <summary>
    /// The dashboard answers local requests only (Hangfire's default), so a scheduler reachable from a network does not
    /// expose job arguments to it; a later issue adds authentication for remote viewers.
    /// </summary>
    public static IEndpointRouteBuilder MapTunerDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(HangfirePath, new DashboardOptions
        {
            DashboardTitle = "Tuner — jobs",
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DisplayStorageConnectionString = false,
        });
        return endpoints;
    }
}
