namespace Tuner.Core.Capacity;

/// <summary>
/// Where worker machines come from: local processes, EC2 spot or Compute Engine spot VMs. A provider only talks to its
/// cloud; the capacity registry records every launch in PostgreSQL before and after the call and reconciles
/// the records against <see cref="ListAsync"/>, so no instance leaks.
/// </summary>
public interface ICapacityProvider
{
    /// <summary>"local", "aws" or "gcp": what a sweep's <c>capacity.provider</c> names.</summary>
    string Name { get; }

    /// <summary>
    /// Launches one worker machine. Safe to call again with the same <see cref="LaunchRequest.LaunchToken"/> (EC2
    /// ClientToken, GCE requestId): the cloud returns the instance the first call made instead of a second one.
    /// </summary>
    /// <exception cref="CapacityException">The cloud refused: no capacity, quota, throttling, a bad request.</exception>
    Task<LaunchedInstance> LaunchAsync(LaunchRequest request, CancellationToken ct);

    /// <summary>Terminates (deletes) the instance; an instance that is already gone is not an error.</summary>
    Task TerminateAsync(string instanceId, CancellationToken ct);

    /// <summary>Every instance this deployment launched that is not yet terminated, found by the
    /// <see cref="InstanceTags.Deployment"/> tag or label, whether or not PostgreSQL knows it.</summary>
    Task<IReadOnlyList<ProviderInstance>> ListAsync(string deployment, CancellationToken ct);
}
