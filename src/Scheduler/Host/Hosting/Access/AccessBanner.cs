using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>The line `tuner server` and `tuner run` print about who may use them (<see cref="AccessSettings.Banner"/>).</summary>
public static class AccessBanner
{
    public static async Task<string> LineAsync(IServiceProvider services, CancellationToken ct)
    {
        var access = services.GetRequiredService<AccessSettings>();
        var keys = access.RequiresKeys ? await services.GetRequiredService<ApiKeys>().ActiveCountAsync(ct) : 0;
        return access.Banner(keys);
    }
}
