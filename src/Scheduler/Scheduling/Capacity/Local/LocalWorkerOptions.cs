using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Capacity.Local;

/// <summary>How many worker processes `tuner server` may start on its own machine, and the local spot market's seed.</summary>
public sealed class LocalWorkerOptions : IValidatableObject
{
    public const int MostWorkers = 256;
    private const string WorkersRule = "must be a whole number from 0 to 256";

    [ConfigurationKeyName("LOCAL_MAX_WORKERS")]
    [Setting("worker processes `tuner server`'s autoscaler may start on this machine (and stops when the server stops; `tuner run` uses `--workers`); 0 leaves the local pool to workers started by hand: a sweep submitted with none running says so in the `submit` output, its events (`capacity_unavailable`) and `tuner status`",
        Rule = WorkersRule)]
    public int MaxWorkers { get; set; }

    [ConfigurationKeyName("SPOT_MARKET_SEED")]
    [Setting("seed of the local spot market's draws; unset: a fresh one per run")]
    public int? SpotMarketSeed { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxWorkers is < 0 or > MostWorkers)
            yield return new($"{SettingCatalog.Variable<LocalWorkerOptions>(nameof(MaxWorkers))} {WorkersRule}, but got '{MaxWorkers}'");
    }
}
