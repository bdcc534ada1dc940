using System.CommandLine;
using Tuner.Scheduler.Hosting;
using Tuner.Scheduler.Hosting.Logging;
using Tuner.Trainer;
using Tuner.Trainer.Data;
using Tuner.Scheduling.Settings;

namespace Tuner.Scheduler.Cli;

internal static class WorkerCommand
{
    public static Command Create()
    {
        var home = CommonOptions.Home();
        var threads = PositiveNumbers.Optional("--threads", "TorchSharp threads for training (default $TUNER_THREADS or 1)");
        var command = new Command("worker", "Run trials from the queue, one at a time; SIGTERM hands the running trial back") { home, threads };
        command.SetAction(async (parse, ct) =>
        {
            var verbose = parse.GetValue(CommonOptions.Verbose);
            var settings = TunerSettings.FromEnvironment(parse.GetValue(home));
            settings = parse.GetValue(threads) is { } t ? settings with { TrainingThreads = t } : settings;
            TrainingDevices.EnsureAvailable(settings.TrainingDevice);
            using var loggerFactory = TunerLogging.CreateFactory(verbose);
            await MnistFiles.EnsureAsync(settings.DataDirectory, ct);
            await using var database = await DatabaseBootstrap.StartAsync(settings, loggerFactory.CreateLogger("tuner"), ct);
            await WorkerHost.Build(settings, database.ConnectionString, verbose).RunAsync();
            return 0;
        });
        return command;
    }
}
