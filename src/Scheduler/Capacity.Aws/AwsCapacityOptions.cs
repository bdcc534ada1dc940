namespace Tuner.Capacity.Aws;

/// <summary>Where and how the AWS provider launches EC2 workers; read from TUNER_AWS_* by <see cref="FromEnvironment(Func{string, string?})"/>.</summary>
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

    /// <summary>Reads and validates TUNER_AWS_*; throws one <see cref="ArgumentException"/> naming every problem.</summary>
    public static AwsCapacityOptions FromEnvironment(Func<string, string?> variables) =>
        AwsOptionsReader.Read(variables);

    public static AwsCapacityOptions FromEnvironment(IReadOnlyDictionary<string, string?> variables) =>
        AwsOptionsReader.Read(name => variables.TryGetValue(name, out var value) ? value : null);

    /// <summary>Whether <see cref="InstanceProfile"/> is an ARN (else a name).</summary>
    public bool InstanceProfileIsArn => InstanceProfile?.StartsWith("arn:", StringComparison.Ordinal) == true;
}
