using Microsoft.Extensions.Configuration;
using Tuner.Core;
using Tuner.Core.Settings;

namespace Tuner.Capacity.Aws;

/// <summary>Where and how the AWS provider launches EC2 workers; checked and built from <see cref="AwsSettings"/> by <see cref="From(AwsSettings, ICollection{string})"/>.</summary>
/// <param name="Region">TUNER_AWS_REGION, e.g. us-east-1.</param>
/// <param name="ImageId">TUNER_AWS_IMAGE_ID: an AMI with Docker.</param>
/// <param name="SubnetIds">TUNER_AWS_SUBNET_IDS: one subnet per Availability Zone, in order of preference.</param>
/// <param name="SecurityGroupIds">TUNER_AWS_SECURITY_GROUP_IDS (may be empty: the VPC's default group).</param>
/// <param name="InstanceProfile">TUNER_AWS_INSTANCE_PROFILE: IAM instance profile name or ARN, or null.</param>
/// <param name="KeyName">TUNER_AWS_KEY_NAME: EC2 key pair for SSH, or null.</param>
/// <param name="LaunchApi">TUNER_AWS_LAUNCH_API: `fleet` (default) or `run-instances`.</param>
/// <param name="Endpoint">TUNER_AWS_ENDPOINT: EC2 endpoint override (tests, LocalStack), or null for the region's endpoint.</param>
public sealed record AwsCapacityOptions(
    string Region,
    string ImageId,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> SecurityGroupIds,
    string? InstanceProfile = null,
    string? KeyName = null,
    AwsLaunchApi LaunchApi = AwsLaunchApi.Fleet,
    Uri? Endpoint = null)
{
    /// <summary>Retries the SDK makes itself before a throttled or failed call reaches the caller (which retries with
    /// backoff of its own). Small, so throttling surfaces quickly; 0 makes every error surface at once.</summary>
    public int MaxErrorRetry { get; init; } = 1;

    /// <summary>Binds <see cref="AwsSettings"/> from <paramref name="configuration"/> and checks every TUNER_AWS_* setting.</summary>
    /// <exception cref="SettingsException">Some setting is wrong; the message ("invalid AWS capacity settings: ...") names every one.</exception>
    public static AwsCapacityOptions From(IConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        var settings = reader.Read<AwsSettings>();
        var problems = reader.Problems.ToList();
        return AwsOptionsReader.Read(settings, problems)
            ?? throw new SettingsException("invalid AWS capacity settings: " + string.Join("; ", problems));
    }

    /// <summary>Checks every TUNER_AWS_* setting; null, with each problem added to <paramref name="problems"/>, when any is wrong.</summary>
    public static AwsCapacityOptions? From(AwsSettings settings, ICollection<string> problems) => AwsOptionsReader.Read(settings, problems);

    /// <summary>Whether <see cref="InstanceProfile"/> is an ARN (else a name).</summary>
    public bool InstanceProfileIsArn => InstanceProfile?.StartsWith("arn:", StringComparison.Ordinal) == true;
}
