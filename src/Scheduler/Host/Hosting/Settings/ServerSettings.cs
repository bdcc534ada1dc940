using Tuner.Core.Definitions;
using Tuner.Scheduling.Capacity;
using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Costs;
using Tuner.Scheduling.Webhooks;
using Tuner.Scheduling.Access;

namespace Tuner.Scheduler.Hosting.Settings;

/// <summary>What `tuner server` and `tuner run` read, checked together at start-up: every problem in one error.</summary>
public sealed record ServerSettings(
    TunerSettings Settings, CapacitySettings Capacity, DefinitionLimits Limits, CloudSettings Clouds, CostSettings Costs, WebhookSettings Webhooks,
    string AccessMode = AccessOptions.Auto)
{
    /// <summary>Whether the server asks for API keys, from TUNER_AUTH and where it listens (after --urls).</summary>
    public AccessSettings Access => AccessSettings.Resolve(AccessMode, Settings.Urls);

    /// <param name="homeOverride">--home, which wins over TUNER_HOME.</param>
    /// <exception cref="Tuner.Core.SettingsException">Some setting is wrong; it lists every problem.</exception>
    public static ServerSettings Read(TunerConfiguration configuration, string? homeOverride)
    {
        var reader = configuration.Reader();
        var settings = TunerSettings.Read(reader, homeOverride);
        var capacity = CapacitySettings.Read(reader);
        var limits = reader.Read<DefinitionLimits>();
        var clouds = CloudSettings.Read(reader);
        var costs = CostSettings.Read(reader);
        var webhooks = WebhookSettings.Read(reader);
        var access = reader.Read<AccessOptions>();
        reader.Add(configuration.UnknownFileKeys(SettingTypes.All));
        reader.ThrowIfAny();
        return new ServerSettings(settings, capacity, limits, clouds, costs, webhooks, access.Mode);
    }
}
