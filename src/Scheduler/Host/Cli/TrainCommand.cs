using Tuner.Scheduler.Hosting.Settings;
using System.CommandLine;
using System.Globalization;
using Tuner.Scheduler.Cli.Failures;
using Tuner.Scheduler.Hosting;
using Tuner.Trainer;
using Tuner.Trainer.Checkpoints;
using Tuner.Trainer.Data;
using Tuner.Trainer.Standalone;
using Tuner.Trainer.Workloads;
using Tuner.Scheduling.Settings;
using Tuner.Workloads;

namespace Tuner.Scheduler.Cli;

/// <summary>`tuner train`: one configuration, no scheduler and no database; checkpoints on the local filesystem.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var workload = new Option<string>("--workload") { Description = "Built-in workload kind", DefaultValueFactory = _ => "mnist-mlp" };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A hyperparameter, name=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var epochs = PositiveNumbers.Option("--epochs", "Epochs to train", 3);
        var seed = new Option<int>("--seed") { Description = "Training seed", DefaultValueFactory = _ => 1 };
        var trainSamples = PositiveNumbers.Optional("--train-samples", "Use only this many training images");
        var threads = PositiveNumbers.Option("--threads", "TorchSharp threads", 1);
        var home = CommonOptions.Home();
        var command = new Command("train", "Train one configuration without a scheduler (on TUNER_DEVICE, default cpu)")
        {
            workload, parameters, epochs, seed, trainSamples, threads, home,
        };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(workload)!;
            var found = BuiltInWorkloads.Find(kind)
                ?? throw new CliFailure(ExitCodes.BadInput, $"--workload must be one of {string.Join(", ", BuiltInWorkloads.Kinds)}, but got '{kind}'");
            var (values, problems) = ParseParams(found, parse.GetValue(parameters) ?? []);
            problems.AddRange(found.ValidateParams(values));
            if (problems.Count > 0)
            {
                throw new CliFailure(ExitCodes.BadInput, string.Join("; ", problems));
            }

            var settings = WorkerSettings.ReadShared(TunerConfiguration.Load(parse.GetValue(CommonOptions.Config)), parse.GetValue(home));
            TrainingDevices.EnsureAvailable(settings.TrainingDevice);
            await MnistFiles.EnsureAsync(settings.DataDirectory, ct);
            var runSeed = parse.GetValue(seed);
            var options = new Dictionary<string, object>();
            if (parse.GetValue(trainSamples) is { } samples) options["train_samples"] = (long)samples;
            if (found.ValidateOptions(options) is { Count: > 0 } optionProblems) throw new CliFailure(ExitCodes.BadInput, string.Join("; ", optionProblems));
            var spec = new TrialSpec(kind, values, options, parse.GetValue(epochs), runSeed);
            var store = new FileSystemCheckpointStore(Path.Combine(settings.Home, "train"));
            var prefix = $"{kind}-seed{runSeed}-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}";
            var host = new StandaloneTrialHost(store, prefix, Console.Out);
            var environment = new TrainingEnvironment(settings.DataDirectory, parse.GetValue(threads)) { Device = settings.TrainingDevice };
            Console.WriteLine($"Training {kind} on {settings.TrainingDevice} for {spec.MaxEpochs} epochs");
            var outcome = await TrialRunner.RunAsync(found, spec, CheckpointPolicy.Default, environment, host, ct);
            Console.WriteLine($"{outcome.Kind} after {outcome.Position.Epoch} epochs; checkpoints under {store.UriOf(prefix)}");
            return 0;
        });
        return command;
    }

    private static (Dictionary<string, object> Values, List<string> Problems) ParseParams(IWorkload workload, string[] pairs)
    {
        var values = new Dictionary<string, object>();
        var problems = new List<string>();
        foreach (var pair in pairs)
        {
            var split = pair.Split('=', 2);
            var known = workload.Parameters.FirstOrDefault(p => p.Name == split[0]);
            if (split.Length != 2 || known is null)
            {
                problems.Add($"--param '{pair}': expected name=value with name one of {string.Join(", ", workload.Parameters.Select(p => p.Name))}");
                continue;
            }

            object? value = known.Default switch
            {
                double => double.TryParse(split[1], CultureInfo.InvariantCulture, out var d) ? d : null,
                int or long => long.TryParse(split[1], CultureInfo.InvariantCulture, out var l) ? l : null,
                _ => split[1],
            };
            if (value is null)
            {
                problems.Add($"--param {split[0]}: '{split[1]}' is not a {known.Default.GetType().Name.ToLowerInvariant()}");
                continue;
            }

            values[split[0]] = value;
        }

        return (values, problems);
    }
}
