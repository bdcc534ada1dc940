using Tuner.Scheduling.Capacity;
using Tuner.Capacity.Aws;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class Ec2TagSetTests
{
    private static LaunchRequest WithLabels(Dictionary<string, string> labels) => AwsHarness.Request(labels: labels);

    [Fact]
    public void For_KeepsTunerTags_WhenLabelsUseTheirNames()
    {
        var request = WithLabels(new() { ["tuner-pool"] = "other", ["cost-center"] = "analytics" });

        var tags = Ec2TagSet.For(request).ToDictionary(tag => tag.Key, tag => tag.Value);

        Assert.Equal("gpu-pool", tags["tuner-pool"]);
        Assert.Equal("analytics", tags["cost-center"]);
        Assert.Equal(request.LaunchToken, tags["tuner-launch-token"]);
    }

    [Theory]
    [InlineData("team", "team")]
    [InlineData("owner email", "owner email")]
    [InlineData("cost#center", "cost_center")]
    [InlineData("aws:created-by", "label-aws:created-by")]
    [InlineData("équipe", "_quipe")]
    public void SanitiseKey_KeepsCharactersEc2AndInstanceMetadataAllow(string key, string expected) =>
        Assert.Equal(expected, Ec2TagSet.SanitiseKey(key));

    [Fact]
    public void For_CutsLongKeysAndValues_ToEc2Limits()
    {
        var tags = Ec2TagSet.For(WithLabels(new() { [new string('k', 200)] = new string('v', 300) }));

        var label = Assert.Single(tags, tag => tag.Key.StartsWith('k'));
        Assert.Equal((128, 256), (label.Key.Length, label.Value.Length));
    }

    [Fact]
    public void For_ThrowsRejected_WhenLabelsExceedEc2TagLimit()
    {
        var labels = Enumerable.Range(0, 48).ToDictionary(i => $"label-{i}", i => "x");

        var error = Assert.Throws<CapacityException>(() => Ec2TagSet.For(WithLabels(labels)));

        Assert.Equal((CapacityErrorKind.Rejected, "TagLimitExceeded"), (error.Kind, error.Code));
        Assert.Equal("Labels must number at most 47 on AWS (50 tags per instance, 3 are Tuner's), but got 48", error.Message);
    }
}
