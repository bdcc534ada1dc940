namespace Tuner.Scheduler.Cli.LocalRun;

/// <summary>
/// The host lifetime of the server inside `tuner run`: it does not listen to SIGINT or SIGTERM, because `tuner run`
/// decides when its server stops (after the sweep it runs has stopped), not the console.
/// </summary>
internal sealed class CommandLineHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
