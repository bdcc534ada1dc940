using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>One insert of a launch: a zone, a machine type and that attempt's requestId.</summary>
internal sealed record GceLaunchAttempt(LaunchRequest Request, string Name, string Zone, string MachineType, Guid RequestId);
