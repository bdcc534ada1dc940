using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Settings;

/// <summary>How and on what a worker trains.</summary>
public sealed partial class TrainingOptions : IValidatableObject
{
    public const string DefaultDevice = "cpu";
    public const int DefaultThreads = 1;

    /// <summary>Below <see cref="StorageOptions.Home"/> when unset.</summary>
    public const string DefaultDataFolder = "data/mnist";

    [ConfigurationKeyName("DEVICE")]
    [Setting("where `tuner worker` and `tuner train` train: `cpu`, `cuda` or `cuda:N` (needs the CUDA build, as in `docker/worker-cuda.Dockerfile`; without a usable GPU they exit with 8 at start, saying so)")]
    public string Device { get; set; } = DefaultDevice;

    [ConfigurationKeyName("THREADS")]
    [Setting("TorchSharp threads per worker", Rule = "must be a positive whole number")]
    public int Threads { get; set; } = DefaultThreads;

    [ConfigurationKeyName("DATA_DIR")]
    [Setting("MNIST IDX files", Default = "$TUNER_HOME/" + DefaultDataFolder)]
    public string? DataDirectory { get; set; }

    /// <summary>The device as workers use it: lowercase, e.g. "cuda:1".</summary>
    public string NormalizedDevice => Device.Trim().ToLowerInvariant();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DevicePattern().IsMatch(NormalizedDevice))
            yield return new($"{SettingCatalog.Variable<TrainingOptions>(nameof(Device))} must be cpu, cuda or cuda:N, but got '{Device}'");
        if (Threads <= 0)
            yield return new($"{SettingCatalog.Variable<TrainingOptions>(nameof(Threads))} must be a positive whole number, but got '{Threads}'");
    }

    [GeneratedRegex("^(cpu|cuda(:[0-9]{1,2})?)$")]
    private static partial Regex DevicePattern();
}
