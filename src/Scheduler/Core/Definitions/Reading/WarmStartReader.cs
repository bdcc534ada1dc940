namespace Tuner.Core.Definitions.Reading;

/// <summary>Reads <c>warm_start: { from_sweep, best }</c>. Whether the sweep exists is the server's to check.</summary>
internal static class WarmStartReader
{
    private static readonly string[] Keys = ["from_sweep", "best"];

    public static WarmStartSection? Read(MappingReader document)
    {
        var section = document.Section("warm_start", Keys, required: false);
        if (section is null) return null;

        var from = section.Integer("from_sweep", required: true, min: 1);
        var best = section.Integer("best", required: false, min: 1, max: WarmStartSection.MostBest);
        return from is { } sweep ? new WarmStartSection(sweep, (int?)best ?? WarmStartSection.DefaultBest) : null;
    }
}
