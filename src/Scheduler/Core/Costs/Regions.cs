namespace Tuner.Core.Costs;

/// <summary>The region a zone belongs to, as price lists name it: EC2 <c>us-east-1a</c> → <c>us-east-1</c>, GCE
/// <c>us-central1-a</c> → <c>us-central1</c>.</summary>
public static class Regions
{
    public static string? Of(string provider, string? zone)
    {
        if (string.IsNullOrEmpty(zone)) return null;
        return provider switch
        {
            "aws" => zone.TrimEnd("abcdefghijklmnopqrstuvwxyz".ToCharArray()) is { Length: > 0 } region && char.IsDigit(region[^1]) ? region : zone,
            "gcp" => zone.LastIndexOf('-') is var dash and > 0 ? zone[..dash] : zone,
            _ => zone,
        };
    }
}
