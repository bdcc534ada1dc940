using Hangfire.Dashboard;
using Tuner.Core.Access;
using Tuner.Dashboard;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>
/// The Hangfire dashboard under Tuner's access rules: ASP.NET Core's fallback policy (<see cref="RoleForRequest"/>)
/// has authorized every request before Hangfire sees it (a session or a key, or an open server), so Hangfire's own
/// check passes what reached it (its local-requests filter took a request to the machine's own network address for a
/// local one); with keys required, only admin may act (requeue, delete, trigger), and read and submit see a read-only
/// dashboard whose POSTs the endpoint's <see cref="ActionRole"/> refuses too.
/// </summary>
internal static class HangfireAccess
{
    public static TunerDashboardAccess For(AccessSettings access) => new()
    {
        Authorization = [new AuthorizedBefore()],
        IsReadOnly = context => access.RequiresKeys && TunerPrincipal.RoleOf(context.GetHttpContext().User) is not AccessRole.Admin,
    };

    private sealed class AuthorizedBefore : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
