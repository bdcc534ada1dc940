using System.CommandLine;

namespace Tuner.Scheduler.Cli;

/// <summary>The `tuner` command line: one executable, several roles (DESIGN.md).</summary>
public static class TunerCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Tuner: hyperparameter sweeps on cheap, preemptible capacity")
        {
            RunCommand.Create(),
            ServerCommand.Create(),
            WorkerCommand.Create(),
            SubmitCommand.Create(),
            StatusCommand.Create(),
            CancelCommand.Create(),
            TrainCommand.Create(),
        };
        return root;
    }

    /// <summary>
    /// System.CommandLine's own SIGTERM handling is off: the worker's host must get SIGTERM to checkpoint and hand its
    /// trial back within the notice, and `tuner run` handles Ctrl+C itself.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args) =>
        Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
