using Amazon;
using Amazon.EC2;
using Amazon.Runtime;

namespace Tuner.Capacity.Aws;

/// <summary>Builds the EC2 client: the region's endpoint, or TUNER_AWS_ENDPOINT signed for the region; few SDK retries.</summary>
internal static class Ec2ClientFactory
{
    public static AmazonEC2Config Config(AwsCapacityOptions options)
    {
        var config = new AmazonEC2Config
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (options.Endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.Endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        return config;
    }

    /// <summary>A client with <paramref name="credentials"/>, or the SDK's default credential chain when null.</summary>
    public static IAmazonEC2 Create(AwsCapacityOptions options, AWSCredentials? credentials) =>
        credentials is null ? new AmazonEC2Client(Config(options)) : new AmazonEC2Client(credentials, Config(options));
}
