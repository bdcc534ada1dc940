using System.Globalization;
using Tuner.Trainer.Workloads;

namespace Tuner.Tools.GpuCheck;

/// <summary>The command line of gpucheck: a device, epochs, CPU threads, the MNIST folder and mnist-mlp parameters.</summary>
internal sealed record CheckOptions(string Device, int Epochs, int Threads, string DataDirectory, Dictionary<string, object> Params)
{
    public static CheckOptions Parse(string[] args, out List<string> problems)
    {
        problems = [];
        var options = new CheckOptions(args.FirstOrDefault() ?? "", 3, 1, "mnist", []);
        if (options.Device is not ("cpu" or "cuda")) problems.Add($"device must be cpu or cuda, but got device='{options.Device}'");
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : "";
            options = args[i] switch
            {
                "--epochs" => options with { Epochs = Count(args[i], value, problems) },
                "--threads" => options with { Threads = Count(args[i], value, problems) },
                "--data" => options with { DataDirectory = value },
                "-p" => WithParam(options, value, problems),
                _ => Unknown(options, args[i], problems),
            };
        }
        problems.AddRange(WorkloadCatalog.Find("mnist-mlp")!.ValidateParams(options.Params));
        return options;
    }

    private static int Count(string name, string value, List<string> problems)
    {
        if (int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        problems.Add($"{name} must be an integer of at least 1, but got '{value}'");
        return 1;
    }

    private static CheckOptions WithParam(CheckOptions options, string pair, List<string> problems)
    {
        var split = pair.Split('=', 2);
        var known = WorkloadCatalog.Find("mnist-mlp")!.Parameters.FirstOrDefault(p => p.Name == split[0]);
        if (split.Length != 2 || known is null)
        {
            problems.Add($"-p must be name=value with a mnist-mlp parameter name, but got '{pair}'");
            return options;
        }
        object? value = known.Default switch
        {
            double => double.TryParse(split[1], CultureInfo.InvariantCulture, out var d) ? d : null,
            int or long => long.TryParse(split[1], CultureInfo.InvariantCulture, out var l) ? l : null,
            _ => split[1],
        };
        if (value is null) problems.Add($"-p {split[0]} must be a {known.Default.GetType().Name.ToLowerInvariant()}, but got '{split[1]}'");
        else options.Params[split[0]] = value;
        return options;
    }

    private static CheckOptions Unknown(CheckOptions options, string name, List<string> problems)
    {
        problems.Add($"option must be --epochs, --threads, --data or -p, but got '{name}'");
        return options;
    }
}
