using System.CommandLine;
using System.CommandLine.Parsing;
using Tuner.Scheduler.Cli.Failures;

namespace Tuner.Scheduler.Cli;

/// <summary>The `tuner` command line: one executable, several roles (docs/cli.md).</summary>
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
            CostCommand.Create(),
            ExportCommand.Create(),
            CheckpointCommand.Create(),
            ScheduleCommand.Create(),
            ModelCommand.Create(),
            KeysCommand.Create(),
            BudgetCommand.Create(),
            TrainCommand.Create(),
        };
        root.Options.Add(CommonOptions.Verbose);
        root.Options.Add(CommonOptions.Config);
        return root;
    }

    /// <summary>
    /// Parses and runs a command. A usage error is one line on stderr (exit 1); whatever a command throws goes to
    /// <see cref="FailureReport"/>, which prints one line and picks the exit code. System.CommandLine's own SIGTERM
    /// handling is off: the worker's host must get SIGTERM to checkpoint and hand its trial back within the notice,
    /// and `tuner run` handles Ctrl+C itself.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Build().Parse(args);
        var verbose = parse.GetResult(CommonOptions.Verbose) is not null && parse.GetValue(CommonOptions.Verbose);
        if (parse.Errors.Count > 0)
        {
            var command = CommandPath(parse.CommandResult);
            // "Required command was not provided" says nothing more when a token was not recognised.
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).ToList();
            if (messages.Count > 1) messages.RemoveAll(m => m == "Required command was not provided");
            var errors = string.Join("; ", messages);
            await Console.Error.WriteLineAsync($"{command}: {errors}; see `{command} --help`");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return await FailureReport.WriteAsync(e, Console.Error, verbose);
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c) names.Insert(0, c.Parent is null ? "tuner" : c.Command.Name);
        }

        return string.Join(' ', names);
    }
}
