using System.Globalization;
using Tuner.Core.Capacity;

namespace Tuner.Core.Costs;

/// <summary>
/// Hourly prices per provider, region, instance type and market, read from a CSV file: <c>#</c> lines are comments
/// (<c># source:</c> and <c># date:</c> say where the prices come from), then the header
/// <c>provider,region,instance_type,market,usd_per_hour</c> and one row per price. Tuner ships one
/// (<c>prices.csv</c> beside this file); an operator's file (TUNER_COST__PRICES_FILE) is laid over it, row by row.
/// </summary>
public sealed class PriceCatalogue
{
    public const string Header = "provider,region,instance_type,market,usd_per_hour";
    private readonly Dictionary<(string, string, string, CapacityMarket), decimal> prices;

    private PriceCatalogue(string origin, string? source, string? date, Dictionary<(string, string, string, CapacityMarket), decimal> prices)
    {
        Origin = origin;
        Source = source;
        Date = date;
        this.prices = prices;
    }

    /// <summary>Where the catalogue was read from: "shipped" or the operator's file, and what it was laid over.</summary>
    public string Origin { get; }
    public string? Source { get; }
    public string? Date { get; }
    public int Count => prices.Count;

    /// <summary>The catalogue built into Tuner (<c>prices.csv</c>).</summary>
    public static PriceCatalogue Shipped { get; } = LoadShipped();

    public decimal? Find(string provider, string? region, string? instanceType, CapacityMarket market) =>
        region is not null && instanceType is not null && prices.TryGetValue((provider, region, instanceType, market), out var usd) ? usd : null;

    /// <summary>This catalogue with <paramref name="overrides"/>' rows replacing or adding to its own.</summary>
    public PriceCatalogue With(PriceCatalogue overrides)
    {
        var merged = new Dictionary<(string, string, string, CapacityMarket), decimal>(prices);
        foreach (var (key, usd) in overrides.prices) merged[key] = usd;
        return new PriceCatalogue($"{overrides.Origin} over {Origin}", overrides.Source ?? Source, overrides.Date ?? Date, merged);
    }

    /// <exception cref="PriceCatalogueException">Some line is wrong; the message lists every one.</exception>
    public static PriceCatalogue Parse(string text, string origin)
    {
        var problems = new List<string>();
        var prices = new Dictionary<(string, string, string, CapacityMarket), decimal>();
        string? source = null, date = null;
        var sawHeader = false;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = $"{origin} line {i + 1}";
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                source ??= Comment(line, "source:");
                date ??= Comment(line, "date:");
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (!string.Equals(line.Replace(" ", ""), Header, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{at}: expected the header '{Header}', got '{line}'");
                    break;
                }

                continue;
            }

            if (ReadRow(line, at, problems) is { } row)
            {
                if (!prices.TryAdd((row.Provider, row.Region, row.InstanceType, row.Market), row.UsdPerHour))
                    problems.Add($"{at}: {row.Provider} {row.Region} {row.InstanceType} {MarketName(row.Market)} is already priced on an earlier line");
            }
        }

        if (!sawHeader && problems.Count == 0) problems.Add($"{origin}: no header line '{Header}'");
        if (problems.Count > 0) throw new PriceCatalogueException($"the price file {origin} has {problems.Count} problem(s):\n  " + string.Join("\n  ", problems));
        return new PriceCatalogue(origin, source, date, prices);
    }

    public static string MarketName(CapacityMarket market) => market == CapacityMarket.Spot ? "spot" : "on-demand";

    private static PriceEntry? ReadRow(string line, string at, List<string> problems)
    {
        var cells = line.Split(',').Select(c => c.Trim()).ToArray();
        if (cells.Length != 5)
        {
            problems.Add($"{at}: expected 5 columns ({Header}), got {cells.Length}");
            return null;
        }

        var count = problems.Count;
        if (cells[0] is not ("aws" or "gcp" or "local")) problems.Add($"{at}: provider must be aws, gcp or local, got '{cells[0]}'");
        if (cells[1].Length == 0) problems.Add($"{at}: region is empty");
        if (cells[2].Length == 0) problems.Add($"{at}: instance_type is empty");
        CapacityMarket? market = cells[3] switch { "spot" => CapacityMarket.Spot, "on-demand" => CapacityMarket.OnDemand, _ => null };
        if (market is null) problems.Add($"{at}: market must be spot or on-demand, got '{cells[3]}'");
        if (!decimal.TryParse(cells[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd))
            problems.Add($"{at}: usd_per_hour must be a number of dollars like 0.526, got '{cells[4]}'");
        return problems.Count == count ? new PriceEntry(cells[0], cells[1], cells[2], market!.Value, usd) : null;
    }

    private static string? Comment(string line, string key)
    {
        var body = line.TrimStart('#').Trim();
        return body.StartsWith(key, StringComparison.OrdinalIgnoreCase) ? body[key.Length..].Trim() : null;
    }

    private static PriceCatalogue LoadShipped()
    {
        using var stream = typeof(PriceCatalogue).Assembly.GetManifestResourceStream("Tuner.Core.Costs.prices.csv")
            ?? throw new InvalidOperationException("the shipped price catalogue (prices.csv) is not embedded in Tuner.Core");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "the shipped catalogue");
    }
}
