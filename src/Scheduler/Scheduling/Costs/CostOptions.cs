using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Costs;

/// <summary>Prices the cost ledger charges: this machine's workers, the operator's price file, checkpoint storage.</summary>
[SettingsSection(Section)]
public sealed class CostOptions : IValidatableObject
{
    public const string Section = "COST";
    private const string DollarsRule = "must be dollars like 0.50";

    [ConfigurationKeyName("LOCAL_HOURLY_USD")]
    [Setting("price per hour of one local worker process (a share of this machine); unset: local runs count seconds at $0 and their cost reports say the price is unset", Rule = DollarsRule)]
    public decimal? LocalHourlyUsd { get; set; }

    [ConfigurationKeyName("LOCAL_SPOT_HOURLY_USD")]
    [Setting("price per hour of a local worker on the simulated spot market (`capacity.spot_market`), against which spot savings are counted; unset: the local price", Rule = DollarsRule)]
    public decimal? LocalSpotHourlyUsd { get; set; }

    [ConfigurationKeyName("PRICES_FILE")]
    [Setting("a price file (CSV: provider,region,instance_type,market,usd_per_hour) laid over the shipped catalogue, row by row (docs/costs.md)")]
    public string? PricesFile { get; set; }

    [ConfigurationKeyName("STORAGE_GB_MONTH_USD")]
    [Setting("price of one GB-month of checkpoint storage (S3 Standard's list price by default)", Rule = DollarsRule)]
    public decimal StorageGbMonthUsd { get; set; } = 0.023m;

    [ConfigurationKeyName("KEPT_STORAGE_GB_MONTH_USD")]
    [Setting("price of one GB-month of checkpoints moved to `TUNER_CHECKPOINT_KEPT_STORAGE_CLASS`; unset: that class's S3 list price (docs/costs.md)", Rule = DollarsRule)]
    public decimal? KeptStorageGbMonthUsd { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(LocalHourlyUsd), LocalHourlyUsd), (nameof(LocalSpotHourlyUsd), LocalSpotHourlyUsd), (nameof(StorageGbMonthUsd), (decimal?)StorageGbMonthUsd), (nameof(KeptStorageGbMonthUsd), KeptStorageGbMonthUsd) })
        {
            if (value is < 0 or > 10_000)
                yield return new($"{SettingCatalog.Variable<CostOptions>(name)} must be dollars from 0 to 10000, but got '{value}'");
        }
    }
}
