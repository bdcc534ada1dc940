using YamlDotNet.RepresentationModel;

namespace Tuner.Core.Definitions.Reading;

/// <summary>
/// Reads <c>capacity: { provider, instance_types, gpus, spot, max_instances, idle_timeout,
/// on_demand_after_spot_failures, spot_market }</c>. Without the section a sweep runs on this machine's workers.
/// </summary>
internal static class CapacityReader
{
    private static readonly string[] Providers = ["local", "aws", "gcp"];

    private static readonly string[] Keys =
        ["provider", "instance_types", "gpus", "spot", "max_instances", "idle_timeout", "on_demand_after_spot_failures", "spot_market"];

    public static CapacitySection Read(MappingReader document, int parallelism)
    {
        var section = document.Section("capacity", Keys, required: false);
        if (section is null) return CapacitySection.LocalDefault(parallelism);

        var named = section.OneOf("provider", Providers, "provider", required: true);
        var provider = named ?? CapacitySection.Local;
        var cloud = provider != CapacitySection.Local;
        var types = ReadInstanceTypes(section, required: cloud);
        var gpus = section.Int("gpus", required: false, min: 0) ?? 0;
        var market = ReadSpotMarket(section, provider);
        var spot = section.Boolean("spot") ?? (cloud || market is not null);
        var maxInstances = section.Int("max_instances", required: false, min: 1) ?? parallelism;
        var idle = section.Duration("idle_timeout", TimeSpan.FromDays(30)) ?? (cloud ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(1));
        var fallback = section.Int("on_demand_after_spot_failures", required: false, min: 1) ?? 3;
        if (named is null) return new CapacitySection(provider, types, gpus, spot, maxInstances, idle, fallback, market);
        if (!cloud && types.Count > 0)
        {
            section.Problems.Add(section.PathOf("instance_types"), "instance_types apply to aws and gcp only; local workers are processes on this machine", section.Find("instance_types"));
        }

        if (!cloud && gpus > 0)
        {
            section.Problems.Add(section.PathOf("gpus"), "gpus apply to aws and gcp only; local workers use this machine as it is", section.Find("gpus"));
        }

        return new CapacitySection(provider, types, gpus, spot, maxInstances, idle, fallback, market);
    }

    private static List<string> ReadInstanceTypes(MappingReader section, bool required)
    {
        var node = required ? section.Require("instance_types") : section.Find("instance_types");
        if (node is null) return [];
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            section.Problems.Add(section.PathOf("instance_types"), $"expected a non-empty list of machine types like [g5.xlarge, g4dn.xlarge], got {ScalarValues.Describe(node)}", node);
            return [];
        }

        var types = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is YamlScalarNode { Value: { Length: > 0 } text } && !text.Any(char.IsWhiteSpace))
            {
                types.Add(text);
            }
            else
            {
                section.Problems.Add($"{section.PathOf("instance_types")}[{i}]", $"expected a machine type name, got {ScalarValues.Describe(list.Children[i])}", list.Children[i]);
            }
        }

        return types;
    }

    private static SpotMarketSection? ReadSpotMarket(MappingReader section, string provider)
    {
        var market = section.Section("spot_market", ["preemptions_per_hour", "notice"], required: false);
        if (market is null) return null;
        if (provider != CapacitySection.Local)
        {
            market.Problems.Add(market.Path, $"spot_market simulates preemptions for the local provider only; {provider} has a real one", market.Node);
            return null;
        }

        var rate = market.Number("preemptions_per_hour", required: true);
        if (rate is <= 0 or > 3600)
        {
            market.Problems.Add(market.PathOf("preemptions_per_hour"), $"preemptions_per_hour must be above 0 and at most 3600, but got {rate}", market.Find("preemptions_per_hour"));
            rate = null;
        }

        var notice = market.Duration("notice", TimeSpan.FromHours(1), allowZero: true) ?? TimeSpan.FromSeconds(30);
        return rate is null ? null : new SpotMarketSection(rate.Value, notice);
    }
}
