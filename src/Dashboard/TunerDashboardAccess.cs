using Hangfire.Dashboard;

namespace Tuner.Dashboard;

/// <summary>
/// Who may open the Hangfire dashboard and who may only look. The default is the loopback-only dashboard of the local
/// default (Hangfire's <see cref="LocalRequestsOnlyAuthorizationFilter"/>, every viewer may act); a host with sign-in
/// passes filters that check the signed-in key and an <see cref="IsReadOnly"/> that is true for the read role.
/// </summary>
public sealed class TunerDashboardAccess
{
    /// <summary>Checked in order on every dashboard request; one that refuses answers 401 (403 when signed in).</summary>
    public IEnumerable<IDashboardAuthorizationFilter> Authorization { get; init; } = [new LocalRequestsOnlyAuthorizationFilter()];

    /// <summary>Checked after <see cref="Authorization"/>, for filters that need to await (a database, a key store).</summary>
    public IEnumerable<IDashboardAsyncAuthorizationFilter> AsyncAuthorization { get; init; } = [];

    /// <summary>True hides the dashboard's buttons (requeue, delete, trigger) and refuses their POSTs with 401.</summary>
    public Func<DashboardContext, bool> IsReadOnly { get; init; } = static _ => false;

    /// <summary>Today's behaviour: local requests only, not read-only.</summary>
    public static TunerDashboardAccess LocalOnly { get; } = new();
}
