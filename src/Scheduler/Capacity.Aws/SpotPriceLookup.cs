using System.Globalization;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.Extensions.Logging;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>The current spot price of an instance type in a zone (Linux/UNIX), from DescribeSpotPriceHistory.</summary>
internal sealed class SpotPriceLookup(IAmazonEC2 ec2, TimeProvider time, ILogger logger)
{
    public const string ProductDescription = "Linux/UNIX";

    /// <summary>The latest price, or null when EC2 has none or refuses: the instance runs either way, so a missing
    /// price must not fail its launch.</summary>
    public async Task<decimal?> CurrentAsync(string instanceType, string zone, CancellationToken ct)
    {
        var request = new DescribeSpotPriceHistoryRequest
        {
            InstanceTypes = [instanceType],
            ProductDescriptions = [ProductDescription],
            AvailabilityZone = zone,
            StartTime = time.GetUtcNow().UtcDateTime,
        };
        try
        {
            var response = await Ec2Errors.CallAsync("DescribeSpotPriceHistory", () => ec2.DescribeSpotPriceHistoryAsync(request, ct));
            var latest = response.SpotPriceHistory?
                .Where(price => price.AvailabilityZone == zone && price.InstanceType?.Value == instanceType)
                .MaxBy(price => price.Timestamp);
            return latest is not null && decimal.TryParse(latest.Price, NumberStyles.Number, CultureInfo.InvariantCulture, out var usd)
                ? usd
                : null;
        }
        catch (CapacityException e)
        {
            logger.LogWarning("No spot price for {InstanceType} in {Zone}: {Code}", instanceType, zone, e.Code);
            return null;
        }
    }
}
