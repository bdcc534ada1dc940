using Tuner.Trainer.Checkpoints.S3;

namespace Tuner.Trainer.Workloads.Tabular;

/// <summary>How a worker reaches <c>s3://</c> data: the same settings as its S3 checkpoint store, from the variables
/// the scheduler passes every worker. TUNER_S3_ENDPOINT is an endpoint override (MinIO, GCS's XML API, R2, a test
/// server; unset or empty for AWS), TUNER_S3_REGION the signing region (default us-east-1); credentials come from the
/// AWS SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile or an instance role).</summary>
public static class DataS3Settings
{
    public const string EndpointVariable = "TUNER_S3_ENDPOINT";
    public const string RegionVariable = "TUNER_S3_REGION";

    /// <summary>The store options <paramref name="variable"/> (an environment lookup) describes.</summary>
    public static S3StoreOptions FromEnvironment(Func<string, string?> variable)
    {
        var defaults = new S3StoreOptions();
        var endpoint = variable(EndpointVariable);
        var region = variable(RegionVariable);
        return defaults with
        {
            ServiceUrl = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint,
            Region = string.IsNullOrWhiteSpace(region) ? defaults.Region : region,
        };
    }
}
