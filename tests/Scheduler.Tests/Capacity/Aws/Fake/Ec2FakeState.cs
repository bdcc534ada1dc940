using System.Globalization;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>What the fake EC2 knows; every handler runs under <see cref="Gate"/>.</summary>
internal sealed class Ec2FakeState(TimeProvider clock)
{
    public readonly Lock Gate = new();
    public readonly List<Ec2FakeRequest> Requests = [];
    public readonly List<Ec2FakeInstance> Instances = [];
    public readonly Dictionary<string, string> ZoneBySubnet = new(StringComparer.Ordinal);
    public readonly HashSet<(string Type, string Zone)> WithoutCapacity = [];
    public readonly List<(string Type, string Zone, decimal Price, DateTimeOffset Timestamp)> SpotPrices = [];
    public readonly Dictionary<string, Queue<string>> Failures = new(StringComparer.Ordinal);
    public readonly Dictionary<string, FakeLaunchTemplate> TemplatesByName = new(StringComparer.Ordinal);

    /// <summary>ClientToken → the request's fingerprint and the answer it got, per action.</summary>
    public readonly Dictionary<(string Action, string Token), (string Fingerprint, object Answer)> Idempotency = [];

    public Ec2FakeLaunchHold? Hold;
    public int MaxPageSize = 1000;
    public bool FleetAnswersWithoutZone;
    private int _ids;

    public TimeProvider Clock => clock;

    public string NewId(string prefix) =>
        $"{prefix}-{(++_ids).ToString("x", CultureInfo.InvariantCulture).PadLeft(17, '0')}";

    /// <summary>The next queued failure for <paramref name="action"/>, if any.</summary>
    public string? TakeFailure(string action) =>
        Failures.TryGetValue(action, out var codes) && codes.Count > 0 ? codes.Dequeue() : null;

    public string ZoneOf(string subnetId) => ZoneBySubnet.TryGetValue(subnetId, out var zone)
        ? zone
        : throw new Ec2FakeError("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");

    public Ec2FakeInstance Find(string instanceId) =>
        Instances.FirstOrDefault(instance => instance.InstanceId == instanceId)
        ?? throw new Ec2FakeError("InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist");

    public Ec2FakeInstance Launch(string type, string subnetId, string imageId, bool spot, string? token,
        IReadOnlyDictionary<string, string> tags, string? userData, string? reservationId = null)
    {
        var zone = ZoneOf(subnetId);
        if (WithoutCapacity.Contains((type, zone)))
            throw new Ec2FakeError("InsufficientInstanceCapacity",
                $"We currently do not have sufficient {type} capacity in the Availability Zone you requested ({zone}).");
        var instance = new Ec2FakeInstance
        {
            InstanceId = NewId("i"),
            ReservationId = reservationId ?? NewId("r"),
            InstanceType = type,
            Zone = zone,
            SubnetId = subnetId,
            ImageId = imageId,
            Spot = spot,
            ClientToken = token,
            UserData = userData,
            Tags = tags,
            LaunchTime = clock.GetUtcNow(),
        };
        Instances.Add(instance);
        return instance;
    }
}
