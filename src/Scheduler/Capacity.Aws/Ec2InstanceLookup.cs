using Amazon.EC2;
using Amazon.EC2.Model;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>DescribeInstances for the provider: one instance by id, instances by tag, page by page.</summary>
internal sealed class Ec2InstanceLookup(IAmazonEC2 ec2, TimeProvider time)
{
    /// <summary>Every state but terminated: shutting-down instances still run (and bill) until they are gone.</summary>
    public static readonly List<string> LiveStates = ["pending", "running", "shutting-down", "stopping", "stopped"];

    /// <summary>Page size for DescribeInstances (EC2 allows 5 to 1000).</summary>
    public const int PageSize = 1000;

    /// <summary>One instance by id; EC2 may not know a new instance for a moment, so NotFound is retried briefly.</summary>
    public async Task<Instance?> DescribeAsync(string instanceId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await Ec2Errors.CallAsync("DescribeInstances",
                    () => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, ct));
                return response.Reservations?.SelectMany(r => r.Instances ?? []).FirstOrDefault();
            }
            catch (CapacityException e) when (e.Code == Ec2Errors.InstanceNotFound && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, ct);
            }
        }
    }

    /// <summary>Live instances carrying tag <paramref name="key"/> = <paramref name="value"/>, following NextToken.</summary>
    public async Task<List<Instance>> FindByTagAsync(string key, string value, CancellationToken ct)
    {
        var instances = new List<Instance>();
        string? next = null;
        do
        {
            var request = new DescribeInstancesRequest
            {
                Filters = [new Filter($"tag:{key}", [value]), new Filter("instance-state-name", LiveStates)],
                MaxResults = PageSize,
                NextToken = next,
            };
            var page = await Ec2Errors.CallAsync("DescribeInstances", () => ec2.DescribeInstancesAsync(request, ct));
            instances.AddRange(page.Reservations?.SelectMany(r => r.Instances ?? []) ?? []);
            next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (next is not null);
        return instances;
    }
}
