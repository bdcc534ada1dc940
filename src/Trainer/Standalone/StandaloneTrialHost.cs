using System.Globalization;
using System.Text;
using Tuner.Trainer.Checkpoints;

namespace Tuner.Trainer.Standalone;

/// <summary>Runs a trial without a scheduler (<c>tuner train</c>): never prunes, prints each epoch to
/// <paramref name="log"/>, and keeps checkpoints under <paramref name="keyPrefix"/> ("epoch-0003.ckpt", or
/// "epoch-0003-batch-00017.ckpt" mid-epoch) with a "latest" object naming the newest one.</summary>
public sealed class StandaloneTrialHost(ICheckpointStore store, string keyPrefix, TextWriter log) : ITrialHost
{
    private readonly string _prefix = keyPrefix.TrimEnd('/');

    public string LatestKey => $"{_prefix}/latest";

    public async Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct)
    {
        await using var pointer = await store.OpenReadAsync(LatestKey, ct);
        if (pointer is null) return null;
        using var reader = new StreamReader(pointer, Encoding.UTF8);
        var key = (await reader.ReadToEndAsync(ct)).Trim();
        return await store.OpenReadAsync(key, ct)
            ?? throw new InvalidOperationException($"{LatestKey} names checkpoint '{key}', which is missing from {store.UriOf(key)}");
    }

    public async Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct)
    {
        var metrics = string.Join("  ", report.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:0.0000}")));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"epoch {report.Epoch}  {metrics}  ({report.Duration.TotalSeconds:0.0} s)").AsMemory(), ct);
        return PruneDecision.Continue;
    }

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        var key = KeyOf(position);
        await store.WriteAsync(key, content, ct);
        await store.WriteAsync(LatestKey, new MemoryStream(Encoding.UTF8.GetBytes(key)), ct);
        await log.WriteLineAsync($"checkpoint at {position}: {store.UriOf(key)}".AsMemory(), ct);
    }

    public string KeyOf(TrainingPosition position) => position.Batch == 0
        ? $"{_prefix}/epoch-{position.Epoch:D4}.ckpt"
        : $"{_prefix}/epoch-{position.Epoch:D4}-batch-{position.Batch:D5}.ckpt";
}
