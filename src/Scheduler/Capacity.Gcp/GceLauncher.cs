using System.Collections.Concurrent;
using System.Net;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// One launch: first looks for a VM that already carries the launch token (an earlier call that succeeded, in any zone),
/// then tries zone by zone and machine type by machine type (skipping types, or GPU types, a zone does not offer) until
/// an insert operation ends DONE without error. Only "no capacity" moves on; any other refusal ends the launch.
/// </summary>
internal sealed class GceLauncher(GceRestClient client, GceOperationWaiter waiter, GcpOptions options)
{
    private readonly ConcurrentDictionary<string, bool> _offered = new();

    public async Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken ct)
    {
        var token = ParseToken(request);
        var name = GceInstanceName.For(request.Deployment, token);
        if (await FindEarlierLaunchAsync(request, ct) is { } earlier)
            return Launched(earlier);

        CapacityException? noCapacity = null;
        foreach (var zone in options.Zones)
        {
            if (request.GpuCount > 0 && !await OfferedAsync(zone, "acceleratorTypes", options.AcceleratorType, ct))
                continue;
            foreach (var type in request.InstanceTypes)
            {
                if (!await OfferedAsync(zone, "machineTypes", type, ct))
                    continue;
                var firstChoice = zone == options.Zones[0] && type == request.InstanceTypes[0];
                var attempt = new GceLaunchAttempt(request, name, zone, type, GceRequestIds.ForAttempt(token, zone, type, firstChoice));
                try
                {
                    return await LaunchInZoneAsync(attempt, ct);
                }
                catch (CapacityException e) when (e.Kind == CapacityErrorKind.InsufficientCapacity)
                {
                    noCapacity = e;
                }
            }
        }
        throw Exhausted(request, noCapacity);
    }

    private async Task<LaunchedInstance> LaunchInZoneAsync(GceLaunchAttempt attempt, CancellationToken ct)
    {
        var action = $"Launching {attempt.Name} ({attempt.MachineType}, {attempt.Request.Market}) in {attempt.Zone}";
        GceOperation operation;
        try
        {
            operation = await client.InsertInstanceAsync(attempt.Zone,
                GceInstanceBody.For(attempt.Request, attempt.Name, attempt.Zone, attempt.MachineType, options), attempt.RequestId, ct);
        }
        catch (GceApiException e) when (e.Status == HttpStatusCode.Conflict)
        {
            return await AdoptAsync(attempt, e.Reason, ct);
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException(action);
        }
        operation = await waiter.WaitUntilDoneAsync(attempt.Zone, operation, action, ct);
        if (operation.ErrorCode == "RESOURCE_ALREADY_EXISTS")
            return await AdoptAsync(attempt, operation.ErrorCode, ct);
        if (operation.ErrorCode is { } code)
            throw GceErrors.ToCapacityException(code, operation.HttpErrorStatusCode, $"{action} failed: {code}: {operation.ErrorMessage}");
        return new LaunchedInstance(new GceInstanceId(attempt.Zone, attempt.Name).ToString(), attempt.MachineType, attempt.Zone,
            attempt.Request.Market, HourlyPriceUsd: null);
    }

    /// <summary>The name is taken: ours when the VM carries this launch token (an earlier call got through).</summary>
    private async Task<LaunchedInstance> AdoptAsync(GceLaunchAttempt attempt, string code, CancellationToken ct)
    {
        var id = new GceInstanceId(attempt.Zone, attempt.Name);
        GceInstance existing;
        try
        {
            existing = await client.GetInstanceAsync(id, ct);
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException($"Reading instance {id}, whose name was taken");
        }
        if (existing.Labels.GetValueOrDefault(InstanceTags.LaunchToken) != GceLabels.Value(attempt.Request.LaunchToken))
        {
            throw new CapacityException(CapacityErrorKind.Rejected, code,
                $"Instance {id} exists but belongs to another launch (label {InstanceTags.LaunchToken}=" +
                $"'{existing.Labels.GetValueOrDefault(InstanceTags.LaunchToken)}', expected '{GceLabels.Value(attempt.Request.LaunchToken)}')");
        }
        return Launched(existing);
    }

    private async Task<GceInstance?> FindEarlierLaunchAsync(LaunchRequest request, CancellationToken ct)
    {
        var token = GceLabels.Value(request.LaunchToken);
        try
        {
            var found = await client.AggregatedInstancesAsync($"labels.{InstanceTags.LaunchToken}={token}", ct);
            return found.FirstOrDefault(i => i.Labels.GetValueOrDefault(InstanceTags.LaunchToken) == token);
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException($"Looking for an earlier launch with token {request.LaunchToken}");
        }
    }

    private async Task<bool> OfferedAsync(string zone, string collection, string type, CancellationToken ct)
    {
        var path = $"zones/{zone}/{collection}/{type}";
        if (_offered.TryGetValue(path, out var offered))
            return offered;
        try
        {
            offered = await client.ExistsAsync(path, ct);
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException($"Looking up {collection} {type} in {zone}");
        }
        return _offered[path] = offered;
    }

    private static LaunchedInstance Launched(GceInstance instance) =>
        new(instance.Id.ToString(), instance.MachineType, instance.Zone, instance.Market, HourlyPriceUsd: null);

    private Exception Exhausted(LaunchRequest request, CapacityException? noCapacity)
    {
        var what = $"machine types [{string.Join(", ", request.InstanceTypes)}]" +
                   (request.GpuCount > 0 ? $" with {request.GpuCount} x {options.AcceleratorType}" : "");
        var zones = string.Join(", ", options.Zones);
        return noCapacity is null
            ? new CapacityException(CapacityErrorKind.Rejected, "notOffered", $"None of the zones [{zones}] offers {what}")
            : new CapacityException(CapacityErrorKind.InsufficientCapacity, noCapacity.Code,
                $"No zone of [{zones}] had capacity for {what}; last answer: {noCapacity.Message}", noCapacity);
    }

    private static Guid ParseToken(LaunchRequest request)
    {
        if (!Guid.TryParse(request.LaunchToken, out var token) || token == Guid.Empty)
            throw new ArgumentException($"LaunchToken must be a non-zero UUID (it becomes the GCE requestId), but got '{request.LaunchToken}'", nameof(request));
        if (request.InstanceTypes.Count == 0)
            throw new ArgumentException("InstanceTypes must name at least one machine type, but got none", nameof(request));
        if (request.GpuCount < 0)
            throw new ArgumentException($"GpuCount must be 0 or more, but got {request.GpuCount}", nameof(request));
        return token;
    }
}
