using Hangfire;
using Hangfire.Dashboard;

namespace Tuner.Dashboard;

/// <summary>
/// "Sweeps" in the dashboard's navigation menu, leading to Tuner's list of sweeps (the request's
/// <see cref="DashboardOptions.AppPath"/>, PathBase included: <see cref="TunerDashboard.MapTunerDashboard"/>).
/// </summary>
internal static class SweepsMenuItem
{
    public const string Text = "Sweeps";

    private static int _registered;

    /// <summary>Hangfire's menu is one static list for the whole process, so the entry is added once however many
    /// apps map the dashboard (the tests start several in one process).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NavigationMenu.Items.Add(static page => page.AppPath is { } sweeps ? new MenuItem(Text, sweeps) : null);
        }
    }
}
