using System.Text.RegularExpressions;
using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Gcp;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Gcp;

public sealed class GceNamingTests
{
    private static readonly Regex Rfc1035 = new("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$");

    [Theory]
    [InlineData("prod")]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("A very long deployment name that goes on and on, past any limit")]
    [InlineData("9lives")]
    public void InstanceName_IsRfc1035_AndEndsWithToken(string deployment)
    {
        var token = Guid.NewGuid();

        var name = GceInstanceName.For(deployment, token);

        Assert.Matches(Rfc1035, name);
        Assert.EndsWith(token.ToString("N"), name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Team", "team")]
    [InlineData("cost.center", "cost_center")]
    [InlineData("1st", "l-1st")]
    [InlineData("_x", "l-_x")]
    public void LabelKey_FollowsGceRules(string key, string expected) => Assert.Equal(expected, GceLabels.Key(key));

    [Fact]
    public void LabelValue_IsLowercasedReplacedAndCut()
    {
        var value = GceLabels.Value("Product Analytics/" + new string('X', 80));

        Assert.Equal(63, value.Length);
        Assert.StartsWith("product_analytics_xxx", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_KeepTunersOwn_WhenSweepLabelCollides()
    {
        var request = new LaunchRequest(Guid.NewGuid().ToString(), "prod", "cpu", ["e2-standard-4"], CapacityMarket.Spot, 0, "",
            new Dictionary<string, string> { ["Tuner-Deployment"] = "spoofed" });

        Assert.Equal("prod", GceLabels.For(request)[InstanceTags.Deployment]);
    }
}
