using Tuner.Scheduling.Settings;
using Tuner.Scheduling.Workers;

namespace Tuner.Scheduler.Hosting.Settings;

/// <summary>What `tuner worker` reads, checked together at start-up: every problem in one error.</summary>
public sealed record WorkerSettings(TunerSettings Settings, WorkerOptions Worker)
{
    /// <exception cref="Tuner.Core.SettingsException">Some setting is wrong; it lists every problem.</exception>
    public static WorkerSettings Read(TunerConfiguration configuration, string? homeOverride)
    {
        var reader = configuration.Reader();
        var settings = TunerSettings.Read(reader, homeOverride);
        var worker = reader.Read<WorkerOptions>();
        reader.Add(configuration.UnknownFileKeys(SettingTypes.All));
        reader.ThrowIfAny();
        return new WorkerSettings(settings, worker);
    }

    /// <summary>What `tuner train` reads: the shared settings only.</summary>
    /// <exception cref="Tuner.Core.SettingsException">Some setting is wrong; it lists every problem.</exception>
    public static TunerSettings ReadShared(TunerConfiguration configuration, string? homeOverride)
    {
        var reader = configuration.Reader();
        var settings = TunerSettings.Read(reader, homeOverride);
        reader.Add(configuration.UnknownFileKeys(SettingTypes.All));
        reader.ThrowIfAny();
        return settings;
    }
}
