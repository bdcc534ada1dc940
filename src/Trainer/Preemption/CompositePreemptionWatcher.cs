namespace Tuner.Trainer.Preemption;

/// <summary>Runs several watchers at once: the first notice wins and the other watchers are cancelled.</summary>
public sealed class CompositePreemptionWatcher : IPreemptionWatcher
{
    private readonly IPreemptionWatcher[] _watchers;

    public CompositePreemptionWatcher(params IPreemptionWatcher[] watchers)
    {
        ArgumentNullException.ThrowIfNull(watchers);
        if (watchers.Length == 0)
            throw new ArgumentException("watchers must name at least one watcher, but got none", nameof(watchers));
        if (Array.IndexOf(watchers, null) is var index and >= 0)
            throw new ArgumentException($"watchers must not contain null, but watchers[{index}] is null", nameof(watchers));
        _watchers = watchers;
    }

    public async Task<PreemptionNotice> WaitForNoticeAsync(CancellationToken ct)
    {
        using var losers = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = _watchers.Select(watcher => watcher.WaitForNoticeAsync(losers.Token)).ToArray();
        var first = await Task.WhenAny(waits);
        await losers.CancelAsync();
        try
        {
            await Task.WhenAll(waits); // let the others finish unwinding so none outlives this call
        }
        catch (Exception)
        {
            // the others were cancelled on purpose; if the first one failed, awaiting it below rethrows its error
        }
        return await first;
    }
}
