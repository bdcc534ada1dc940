using System.Globalization;
using System.Xml.Linq;
using static Tuner.Scheduler.Tests.Capacity.Aws.Fake.Ec2Xml;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>DescribeSpotPriceHistory over the prices a test set, filtered by InstanceType.N, ProductDescription.N
/// (the fake's prices are all Linux/UNIX) and AvailabilityZone, newest first.</summary>
internal static class FakeSpotPriceHistory
{
    public const string Product = "Linux/UNIX";

    public static XElement Handle(Ec2FakeState state, Ec2FakeRequest request, string requestId)
    {
        var types = request.Values("InstanceType");
        var products = request.Values("ProductDescription");
        var zone = request["AvailabilityZone"];
        var prices = state.SpotPrices
            .Where(p => (types.Count == 0 || types.Contains(p.Type)) && (products.Count == 0 || products.Contains(Product)))
            .Where(p => zone is null || p.Zone == zone)
            .OrderByDescending(p => p.Timestamp);
        return Response("DescribeSpotPriceHistory", requestId,
            Items("spotPriceHistorySet", prices.Select(p => new[]
            {
                E("instanceType", p.Type),
                E("productDescription", Product),
                E("spotPrice", p.Price.ToString("0.000000", CultureInfo.InvariantCulture)),
                E("timestamp", Time(p.Timestamp)),
                E("availabilityZone", p.Zone),
            })),
            E("nextToken", ""));
    }
}
