using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>One way of asking EC2 for a machine (CreateFleet or RunInstances).</summary>
internal interface IEc2Launcher
{
    /// <param name="userData">The startup script, base64-encoded.</param>
    /// <param name="tags">Every tag the instance must carry.</param>
    Task<Ec2Launch> LaunchAsync(LaunchRequest request, string userData, List<Tag> tags, CancellationToken ct);
}
