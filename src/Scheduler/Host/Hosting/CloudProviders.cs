using Tuner.Capacity.Aws;
using Tuner.Capacity.Gcp;
using Tuner.Core.Capacity;

namespace Tuner.Scheduler.Hosting;

/// <summary>
/// The cloud providers this scheduler can use, from the environment: aws when any TUNER_AWS_* variable is set, gcp when
/// any TUNER_GCP_* is (their settings are then checked, every problem at once); for the others, why not.
/// </summary>
public static class CloudProviders
{
    public static (IReadOnlyList<ICapacityProvider> Providers, IReadOnlyDictionary<string, string> NotConfigured) FromEnvironment(
        IReadOnlyDictionary<string, string?> variables, TimeProvider clock, ILoggerFactory loggers)
    {
        var providers = new List<ICapacityProvider>();
        var notConfigured = new Dictionary<string, string>();
        if (AnyStartsWith(variables, "TUNER_AWS_"))
        {
            providers.Add(AwsCapacityProvider.Create(AwsCapacityOptions.FromEnvironment(variables), clock, logger: loggers.CreateLogger<AwsCapacityProvider>()));
        }
        else
        {
            notConfigured["aws"] = "aws capacity is not configured: set TUNER_AWS_REGION, TUNER_AWS_IMAGE_ID and TUNER_AWS_SUBNET_IDS (docs/cloud-capacity.md)";
        }

        if (AnyStartsWith(variables, "TUNER_GCP_"))
        {
            providers.Add(GcpCapacityProvider.Create(GcpOptions.FromEnvironment(variables), clock));
        }
        else
        {
            notConfigured["gcp"] = "gcp capacity is not configured: set TUNER_GCP_PROJECT and TUNER_GCP_ZONES (docs/cloud-capacity.md)";
        }

        return (providers, notConfigured);
    }

    /// <summary>The process environment as the providers' option readers take it.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    private static bool AnyStartsWith(IReadOnlyDictionary<string, string?> variables, string prefix) =>
        variables.Any(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(v.Value));
}
