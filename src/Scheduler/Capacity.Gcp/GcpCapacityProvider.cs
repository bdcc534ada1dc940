using System.Net;
using Google.Apis.Auth.OAuth2;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Compute Engine spot (or standard) VMs through REST v1. Instance ids are "zone/name" (<see cref="GceInstanceId"/>).
/// A launch tries each configured zone in order and, in each, each requested machine type the zone offers, moving on
/// when the zone has no capacity; quota, throttling and rejections end the launch at once. Prices are not known
/// (<see cref="LaunchedInstance.HourlyPriceUsd"/> is null).
/// </summary>
public sealed class GcpCapacityProvider : ICapacityProvider
{
    private readonly GceRestClient _client;
    private readonly GceLauncher _launcher;
    private readonly GceOperationWaiter _waiter;

    /// <param name="http">Its Timeout must exceed two minutes: zoneOperations.wait may hold a call that long.</param>
    public GcpCapacityProvider(GcpOptions options, HttpClient http, ITokenAccess credential, TimeProvider time)
    {
        GcpOptionsReader.Validate(options);
        _client = new GceRestClient(http, options.EffectiveEndpoint, options.Project, credential);
        _waiter = new GceOperationWaiter(_client, options, time);
        _launcher = new GceLauncher(_client, _waiter, options);
    }

    public string Name => "gcp";

    /// <summary>The production provider: application default credentials scoped to compute, and an HttpClient whose
    /// timeout outlasts zoneOperations.wait.</summary>
    public static GcpCapacityProvider Create(GcpOptions options, TimeProvider time)
    {
        var credential = GoogleCredential.GetApplicationDefault().CreateScoped(GcpOptions.ComputeScope);
        return new GcpCapacityProvider(options, new HttpClient { Timeout = TimeSpan.FromMinutes(3) }, credential, time);
    }

    public Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken ct) => _launcher.LaunchAsync(request, ct);

    /// <summary>Deletes the VM named by "zone/name"; a VM that is already gone (404) is not an error.</summary>
    public async Task TerminateAsync(string instanceId, CancellationToken ct)
    {
        var id = GceInstanceId.Parse(instanceId);
        var action = $"Deleting instance {id}";
        GceOperation operation;
        try
        {
            operation = await _client.DeleteInstanceAsync(id, GceRequestIds.ForDelete(id), ct);
        }
        catch (GceApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return;
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException(action);
        }
        operation = await _waiter.WaitUntilDoneAsync(id.Zone, operation, action, ct);
        if (operation.ErrorCode is { } code && code != "RESOURCE_NOT_FOUND")
            throw GceErrors.ToCapacityException(code, operation.HttpErrorStatusCode, $"{action} failed: {code}: {operation.ErrorMessage}");
    }

    /// <summary>VMs labelled tuner-deployment = the (sanitised) deployment in any zone, stopped (TERMINATED) ones included.</summary>
    public async Task<IReadOnlyList<ProviderInstance>> ListAsync(string deployment, CancellationToken ct)
    {
        var label = GceLabels.Value(deployment);
        IReadOnlyList<GceInstance> instances;
        try
        {
            instances = await _client.AggregatedInstancesAsync($"labels.{InstanceTags.Deployment}={label}", ct);
        }
        catch (GceApiException e)
        {
            throw e.ToCapacityException($"Listing instances of deployment '{deployment}'");
        }
        return instances
            .Where(i => i.State is not null && i.Labels.GetValueOrDefault(InstanceTags.Deployment) == label)
            .Select(i => new ProviderInstance(i.Id.ToString(), i.Labels.GetValueOrDefault(InstanceTags.LaunchToken),
                i.State!.Value, i.MachineType, i.Zone, i.Market))
            .ToList();
    }
}
