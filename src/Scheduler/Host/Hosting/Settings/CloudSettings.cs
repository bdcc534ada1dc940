using Tuner.Capacity.Aws;
using Tuner.Capacity.Gcp;
using Tuner.Core.Settings;

namespace Tuner.Scheduler.Hosting.Settings;

/// <summary>The cloud providers' options: each is on when any of its settings is given, and then checked in full.</summary>
public sealed record CloudSettings(AwsCapacityOptions? Aws, GcpOptions? Gcp)
{
    public static CloudSettings Read(SettingsReader reader)
    {
        var problems = new List<string>();
        var aws = reader.AnySet<AwsSettings>() ? AwsCapacityOptions.From(reader.Read<AwsSettings>(), problems) : null;
        var gcp = reader.AnySet<GcpSettings>() ? GcpOptions.From(reader.Read<GcpSettings>(), problems) : null;
        reader.Add(problems);
        return new CloudSettings(aws, gcp);
    }
}
