using Microsoft.Extensions.Configuration;
using Tuner.Core.Settings;

namespace Tuner.Capacity.Aws;

/// <summary>
/// The TUNER_AWS_* settings as configuration gives them; <see cref="AwsCapacityOptions.From(AwsSettings, ICollection{string})"/> checks them
/// all and turns them into the provider's options. The provider is on when any of them is set.
/// </summary>
public sealed class AwsSettings
{
    public const string DefaultLaunchApi = "fleet";

    [ConfigurationKeyName("AWS_REGION")]
    [Setting("required: the AWS region, e.g. `us-east-1`")]
    public string? Region { get; set; }

    [ConfigurationKeyName("AWS_IMAGE_ID")]
    [Setting("required: an AMI with Docker")]
    public string? ImageId { get; set; }

    [ConfigurationKeyName("AWS_SUBNET_IDS")]
    [Setting("required: subnets, comma-separated, one per Availability Zone, in order of preference")]
    public string? SubnetIds { get; set; }

    [ConfigurationKeyName("AWS_SECURITY_GROUP_IDS")]
    [Setting("security groups, comma-separated; unset: the VPC's default group")]
    public string? SecurityGroupIds { get; set; }

    [ConfigurationKeyName("AWS_INSTANCE_PROFILE")]
    [Setting("the workers' IAM instance profile, a name or an ARN")]
    public string? InstanceProfile { get; set; }

    [ConfigurationKeyName("AWS_KEY_NAME")]
    [Setting("an EC2 key pair for SSH")]
    public string? KeyName { get; set; }

    [ConfigurationKeyName("AWS_LAUNCH_API")]
    [Setting("`fleet` (CreateFleet, instant, price-capacity-optimized over all types and zones) or `run-instances`")]
    public string LaunchApi { get; set; } = DefaultLaunchApi;

    [ConfigurationKeyName("AWS_ENDPOINT")]
    [Setting("EC2 endpoint override (tests, LocalStack); unset: the region's endpoint")]
    public string? Endpoint { get; set; }

}
