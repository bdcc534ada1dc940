namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>
/// Holds the next launch (RunInstances or CreateFleet) after the instance exists but before EC2 answers, as if the
/// caller crashed or lost the connection mid-launch. <see cref="Reached"/> completes when a launch is held.
/// </summary>
public sealed class Ec2FakeLaunchHold
{
    private readonly TaskCompletionSource<string> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the held launch's instance id.</summary>
    public Task<string> Reached => _reached.Task;

    /// <summary>Lets the held launch answer.</summary>
    public void Release() => _released.TrySetResult();

    internal Task HoldAsync(string instanceId, CancellationToken aborted)
    {
        _reached.TrySetResult(instanceId);
        return _released.Task.WaitAsync(aborted);
    }
}
