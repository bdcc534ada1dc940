using System.Globalization;
using Tuner.Trainer;

namespace Tuner.Tools.GpuCheck;

/// <summary>Prints each epoch with millisecond timing, never prunes, and keeps the latest checkpoint in memory.</summary>
internal sealed class CheckHost(TextWriter log) : ITrialHost
{
    public List<EpochReport> Reports { get; } = [];

    public byte[]? LatestCheckpoint { get; private set; }

    public Task<Stream?> OpenLatestCheckpointAsync(CancellationToken ct) => Task.FromResult<Stream?>(null);

    public async Task<PruneDecision> ReportAsync(EpochReport report, CancellationToken ct)
    {
        Reports.Add(report);
        var metrics = string.Join("  ", report.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:0.0000}")));
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"epoch {report.Epoch}  {metrics}  time={report.Duration.TotalSeconds:0.000} s").AsMemory(), ct);
        return PruneDecision.Continue;
    }

    public async Task SaveCheckpointAsync(TrainingPosition position, Stream content, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, ct);
        LatestCheckpoint = copy.ToArray();
    }
}
