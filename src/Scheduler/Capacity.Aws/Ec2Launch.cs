using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>The instance one launch call produced, before its price is looked up.</summary>
internal sealed record Ec2Launch(string InstanceId, string InstanceType, string? Zone, CapacityMarket Market);
