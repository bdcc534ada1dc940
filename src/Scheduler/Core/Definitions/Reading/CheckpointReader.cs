namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>checkpoints: { every_epochs, interval, keep_best }</c>; a per-sweep <c>store</c> is refused for now.</summary>
internal static class CheckpointReader
{
    private static readonly string[] Keys = ["every_epochs", "interval", "keep_best", "store"];

    public static CheckpointSection Read(MappingReader document)
    {
        var defaults = new CheckpointSection(Interval: CheckpointSection.DefaultInterval);
        var section = document.Section("checkpoints", Keys, required: false);
        if (section is null) return defaults;

        var everyEpochs = section.Int("every_epochs", required: false, min: 1) ?? defaults.EveryEpochs;
        var keepBest = section.Int("keep_best", required: false, min: 1) ?? defaults.KeepBest;
        var interval = section.Duration("interval", TimeSpan.FromDays(1), allowZero: true) ?? defaults.Interval;
        if (section.Find("store") is { } store)
        {
            section.Problems.Add(
                section.PathOf("store"),
                "a per-sweep checkpoint store is not supported yet: checkpoints go to the store the scheduler is configured with; remove it",
                store);
        }

        return new CheckpointSection(everyEpochs, keepBest, interval == TimeSpan.Zero ? null : interval);
    }
}
