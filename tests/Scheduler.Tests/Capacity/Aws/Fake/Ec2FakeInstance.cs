namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>An instance the fake EC2 holds. States: pending, running, shutting-down, terminated, stopping, stopped.</summary>
public sealed class Ec2FakeInstance
{
    public required string InstanceId { get; init; }
    public required string ReservationId { get; init; }
    public required string InstanceType { get; init; }
    public required string Zone { get; init; }
    public required string SubnetId { get; init; }
    public required string ImageId { get; init; }
    public required bool Spot { get; init; }
    public required DateTimeOffset LaunchTime { get; init; }
    public string? ClientToken { get; init; }

    /// <summary>The user-data as sent (base64), or null.</summary>
    public string? UserData { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public string State { get; internal set; } = "running";
    public string? StateReasonCode { get; internal set; }
}
