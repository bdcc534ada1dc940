using Tuner.Capacity.Aws;
using Tuner.Scheduler.Hosting;
using Tuner.Core;
using Tuner.Scheduler.Tests.Settings;

namespace Tuner.Scheduler.Tests.Capacity.Aws;

public sealed class AwsCapacityOptionsTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["TUNER_AWS_REGION"] = "eu-west-1",
        ["TUNER_AWS_IMAGE_ID"] = "ami-0123456789abcdef0",
        ["TUNER_AWS_SUBNET_IDS"] = "subnet-0000000000000000a, subnet-1234abcd",
    };

    private static AwsCapacityOptions FromVariables(IReadOnlyDictionary<string, string?> variables) => AwsCapacityOptions.From(SettingVariables.Configuration(variables));

    private static AwsCapacityOptions FromVariables(Func<string, string?> variable) => AwsCapacityOptions.From(SettingVariables.Configuration(variable));

    private static string Problem(string variable, string? value)
    {
        var environment = Valid();
        environment[variable] = value;
        return Assert.Throws<SettingsException>(() => FromVariables(environment)).Message;
    }

    [Fact]
    public void FromEnvironment_ReadsEverySetting()
    {
        var environment = Valid();
        environment["TUNER_AWS_SECURITY_GROUP_IDS"] = "sg-0123456789abcdef0,sg-89abcdef";
        environment["TUNER_AWS_INSTANCE_PROFILE"] = "arn:aws:iam::123456789012:instance-profile/tuner-worker";
        environment["TUNER_AWS_KEY_NAME"] = "ops";
        environment["TUNER_AWS_LAUNCH_API"] = "run-instances";
        environment["TUNER_AWS_ENDPOINT"] = "http://localhost:4566";

        var options = FromVariables(environment);

        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("ami-0123456789abcdef0", options.ImageId);
        Assert.Equal(["subnet-0000000000000000a", "subnet-1234abcd"], options.SubnetIds);
        Assert.Equal(["sg-0123456789abcdef0", "sg-89abcdef"], options.SecurityGroupIds);
        Assert.True(options.InstanceProfileIsArn);
        Assert.Equal("ops", options.KeyName);
        Assert.Equal(AwsLaunchApi.RunInstances, options.LaunchApi);
        Assert.Equal(new Uri("http://localhost:4566"), options.Endpoint);
    }

    [Fact]
    public void FromEnvironment_DefaultsToFleetWithoutOptionalSettings()
    {
        var options = FromVariables(name => Valid().GetValueOrDefault(name));

        Assert.Equal(AwsLaunchApi.Fleet, options.LaunchApi);
        Assert.Empty(options.SecurityGroupIds);
        Assert.Null(options.InstanceProfile);
        Assert.Null(options.KeyName);
        Assert.Null(options.Endpoint);
        Assert.Equal(1, options.MaxErrorRetry);
    }

    [Fact]
    public void FromEnvironment_NamesEveryProblemAtOnce()
    {
        var message = Assert.Throws<SettingsException>(() => FromVariables(
            new Dictionary<string, string?> { ["TUNER_AWS_LAUNCH_API"] = "spot-fleet" })).Message;

        Assert.Contains("TUNER_AWS_REGION must be set to an AWS region such as us-east-1, but got nothing", message);
        Assert.Contains("TUNER_AWS_IMAGE_ID must be set to an AMI id", message);
        Assert.Contains("TUNER_AWS_SUBNET_IDS must be a comma-separated list of subnet- ids (subnet- followed by 8 or 17 hex digits), but got nothing", message);
        Assert.Contains("TUNER_AWS_LAUNCH_API must be 'fleet' or 'run-instances', but got 'spot-fleet'", message);
    }

    [Theory]
    [InlineData("TUNER_AWS_REGION", "US East", "TUNER_AWS_REGION must be an AWS region such as us-east-1, but got 'US East'")]
    [InlineData("TUNER_AWS_IMAGE_ID", "ubuntu-24.04", "TUNER_AWS_IMAGE_ID must be an AMI id (ami- followed by 8 or 17 hex digits), but got 'ubuntu-24.04'")]
    [InlineData("TUNER_AWS_SUBNET_IDS", "subnet-1234abcd,vpc-1234abcd", "but got 'subnet-1234abcd,vpc-1234abcd' (not ids: vpc-1234abcd)")]
    [InlineData("TUNER_AWS_SUBNET_IDS", "subnet-1234abcd,subnet-1234abcd", "TUNER_AWS_SUBNET_IDS must not repeat an id, but got subnet-1234abcd more than once")]
    [InlineData("TUNER_AWS_SECURITY_GROUP_IDS", "default", "TUNER_AWS_SECURITY_GROUP_IDS must be a comma-separated list of sg- ids (sg- followed by 8 or 17 hex digits), but got 'default'")]
    [InlineData("TUNER_AWS_INSTANCE_PROFILE", "tuner worker", "TUNER_AWS_INSTANCE_PROFILE must be an instance profile name")]
    [InlineData("TUNER_AWS_ENDPOINT", "localhost:4566", "TUNER_AWS_ENDPOINT must be an absolute http or https URL, but got 'localhost:4566'")]
    public void FromEnvironment_NamesVariableRuleAndValue_ForBadValue(string variable, string value, string expected)
    {
        var message = Problem(variable, value);

        Assert.StartsWith("invalid AWS capacity settings: ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void ClientConfig_SignsForRegion_WhenEndpointIsOverridden()
    {
        var options = FromVariables(Valid()) with { Endpoint = new Uri("http://127.0.0.1:4566/"), MaxErrorRetry = 2 };

        var config = Ec2ClientFactory.Config(options);

        Assert.Equal("http://127.0.0.1:4566/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(2, config.MaxErrorRetry);
    }

    [Fact]
    public void ClientConfig_UsesRegionEndpoint_WithoutOverride()
    {
        var config = Ec2ClientFactory.Config(FromVariables(Valid()));

        Assert.Equal("eu-west-1", config.RegionEndpoint?.SystemName);
        Assert.Equal(1, config.MaxErrorRetry);
    }
}
