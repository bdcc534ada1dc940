using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;

namespace Tuner.TestSupport.Hangfire;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static, and each host's <c>AddHangfire</c> sets it to that host's
/// logger factory when the host first resolves Hangfire's configuration. A test process starts and disposes many hosts,
/// in parallel test classes; once a host is disposed, the next thing to ask Hangfire for a logger (an
/// <see cref="AutomaticRetryAttribute"/> built on a job method's first enqueue) gets ObjectDisposedException from the
/// dead factory, and the enqueue fails. So every test host, right after it has resolved Hangfire, calls
/// <see cref="Pin"/>: the static then names <see cref="Factory"/>, which lives as long as the process.
/// </summary>
public static class HangfireProcessLogging
{
    /// <summary>A factory no container owns or disposes; it writes nowhere (tests assert on state, not on logs).</summary>
    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(_ => { });

    public static void Pin() => GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(Factory));
}
