using Tuner.Core.Costs;
using Tuner.Core.Settings;

namespace Tuner.Scheduling.Costs;

/// <summary>The prices the ledger charges, resolved from <see cref="CostOptions"/>: the shipped catalogue with the
/// operator's file laid over it, the local worker prices, and checkpoint storage per GB-month: STANDARD's, and the
/// operator's price for the class kept checkpoints move to (else each class's list price).</summary>
public sealed record CostSettings(PriceCatalogue Catalogue, LocalPrices Local, decimal StorageGbMonthUsd, decimal? KeptStorageGbMonthUsd = null)
{
    /// <summary>The price per GB-month of checkpoints in <paramref name="storageClass"/>.</summary>
    public decimal StoragePriceOf(string storageClass) =>
        storageClass == StorageClass.StandardName ? StorageGbMonthUsd
        : KeptStorageGbMonthUsd ?? StorageClass.Named(storageClass)?.ListUsdPerGbMonth ?? StorageGbMonthUsd;

    public static CostSettings Default { get; } = From(new CostOptions(), PriceCatalogue.Shipped);

    /// <summary>Reads <see cref="CostOptions"/> and the price file it names; problems go to <paramref name="reader"/>.</summary>
    public static CostSettings Read(SettingsReader reader)
    {
        var options = reader.Read<CostOptions>();
        var catalogue = PriceCatalogue.Shipped;
        if (!string.IsNullOrWhiteSpace(options.PricesFile))
        {
            var variable = SettingCatalog.Variable<CostOptions>(nameof(CostOptions.PricesFile));
            try
            {
                catalogue = catalogue.With(PriceCatalogue.Parse(File.ReadAllText(options.PricesFile), Path.GetFullPath(options.PricesFile)));
            }
            catch (PriceCatalogueException ex)
            {
                reader.Add([$"{variable}: {ex.Message}"]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                reader.Add([$"{variable}: cannot read '{options.PricesFile}': {ex.Message}"]);
            }
        }

        return From(options, catalogue);
    }

    private static CostSettings From(CostOptions options, PriceCatalogue catalogue) =>
        new(catalogue,
            new LocalPrices(options.LocalHourlyUsd, options.LocalSpotHourlyUsd,
                SettingCatalog.Variable<CostOptions>(nameof(CostOptions.LocalHourlyUsd)),
                SettingCatalog.Variable<CostOptions>(nameof(CostOptions.LocalSpotHourlyUsd))),
            options.StorageGbMonthUsd,
            options.KeptStorageGbMonthUsd);
}
