namespace Tuner.Scheduler.Definitions.Reading;

/// <summary>Reads <c>capacity: { provider }</c>. Only "local" (trials run on this machine's workers) exists so far;
/// the section is optional and carries nothing into the definition.</summary>
internal static class CapacityReader
{
    private static readonly string[] SupportedProviders = ["local"];

    public static void Read(MappingReader document)
    {
        // Keys are checked only for a supported provider: an 'aws' section gets one clear problem, not one per key.
        var section = document.Section("capacity", knownKeys: null, required: false);
        var provider = section?.String("provider", required: true);
        if (section is null || provider is null) return;

        if (!SupportedProviders.Contains(provider))
        {
            section.Problems.Add(
                section.PathOf("provider"),
                $"provider '{provider}' is not supported yet; supported: {KeySuggestions.List(SupportedProviders)}",
                section.Find("provider"));
            return;
        }

        MappingReader.Open(section.Node, section.Path, section.Problems, ["provider"]);
    }
}
