using System.Globalization;
using System.Xml.Linq;

namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>EC2's XML: responses in the 2016-11-15 namespace, lists as <c>name/item</c>, the error envelope.</summary>
internal static class Ec2Xml
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>A list as EC2 writes it: <c>&lt;name&gt;&lt;item&gt;...&lt;/item&gt;...&lt;/name&gt;</c>.</summary>
    public static XElement Items(string name, IEnumerable<object> items) =>
        E(name, items.Select(item => item is XElement[] parts ? E("item", parts) : E("item", item)));

    public static XElement Response(string action, string requestId, params object?[] content) =>
        E($"{action}Response", E("requestId", requestId), content);

    public static XDocument Error(string code, string message, string requestId) => new(
        new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", requestId)));

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static XElement Tags(IReadOnlyDictionary<string, string> tags) =>
        Items("tagSet", tags.Select(tag => new[] { E("key", tag.Key), E("value", tag.Value) }));

    public static XElement State(string element, string state) =>
        E(element, E("code", StateCode(state)), E("name", state));

    public static int StateCode(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        "stopped" => 80,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not an EC2 instance state"),
    };

    /// <summary>An instancesSet item as RunInstances and DescribeInstances write it.</summary>
    public static XElement[] Instance(Ec2FakeInstance instance, string? stateOverride = null) => new[]
    {
        E("instanceId", instance.InstanceId),
        E("imageId", instance.ImageId),
        State("instanceState", stateOverride ?? instance.State),
        E("privateDnsName", ""),
        E("dnsName", ""),
        E("reason", ""),
        E("amiLaunchIndex", 0),
        E("productCodes"),
        E("instanceType", instance.InstanceType),
        E("launchTime", Time(instance.LaunchTime)),
        E("placement", E("availabilityZone", instance.Zone), E("groupName", ""), E("tenancy", "default")),
        E("monitoring", E("state", "disabled")),
        E("subnetId", instance.SubnetId),
        E("vpcId", "vpc-0fa4e00000000000a"),
        instance.StateReasonCode is null ? null : E("stateReason", E("code", instance.StateReasonCode), E("message", instance.StateReasonCode)),
        E("clientToken", instance.ClientToken ?? ""),
        Tags(instance.Tags),
        instance.Spot ? E("instanceLifecycle", "spot") : null,
    }.OfType<XElement>().ToArray();
}
