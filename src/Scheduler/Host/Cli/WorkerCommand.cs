using Tuner.Scheduler.Hosting.Settings;
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
            var worker = WorkerSettings.Read(TunerConfiguration.Load(parse.GetValue(CommonOptions.Config)), parse.GetValue(home));
            var settings = parse.GetValue(threads) is { } t ? worker.Settings with { TrainingThreads = t } : worker.Settings;
            TrainingDevices.EnsureAvailable(settings.TrainingDevice);
            using var loggerFactory = TunerLogging.CreateFactory(verbose);
            await MnistFiles.EnsureAsync(settings.DataDirectory, ct);
            await using var database = await DatabaseBootstrap.StartWorkerAsync(settings, loggerFactory.CreateLogger("tuner"), ct);
            await WorkerHost.Build(settings, worker.Worker, database.ConnectionString, verbose).RunAsync();
            return 0;
        });
        return command;
    }
}
