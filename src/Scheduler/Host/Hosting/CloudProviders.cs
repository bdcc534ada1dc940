using Tuner.Scheduler.Hosting.Settings;
using Tuner.Capacity.Aws;
using Tuner.Capacity.Gcp;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// The cloud providers this scheduler can use: aws when any TUNER_AWS_* setting is given, gcp when any TUNER_GCP_* is
/// (<see cref="CloudSettings"/> has checked them); for the others, why not.
/// </summary>
public static class CloudProviders
{
    public static (IReadOnlyList<ICapacityProvider> Providers, IReadOnlyDictionary<string, string> NotConfigured) Create(
        CloudSettings clouds, TimeProvider clock, ILoggerFactory loggers)
    {
        var providers = new List<ICapacityProvider>();
        var notConfigured = new Dictionary<string, string>();
        if (clouds.Aws is { } aws)
        {
            providers.Add(AwsCapacityProvider.Create(aws, clock, logger: loggers.CreateLogger<AwsCapacityProvider>()));
        }
        else
        {
            notConfigured["aws"] = "aws capacity is not configured: set TUNER_AWS_REGION, TUNER_AWS_IMAGE_ID and TUNER_AWS_SUBNET_IDS (docs/cloud-capacity.md)";
        }

        if (clouds.Gcp is { } gcp)
        {
            providers.Add(GcpCapacityProvider.Create(gcp, clock));
        }
        else
        {
            notConfigured["gcp"] = "gcp capacity is not configured: set TUNER_GCP_PROJECT and TUNER_GCP_ZONES (docs/cloud-capacity.md)";
        }

        return (providers, notConfigured);
    }
}
