using Amazon.Runtime;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Aws;

/// <summary>Maps EC2 error codes to <see cref="CapacityErrorKind"/>, keeping the code.</summary>
internal static class Ec2Errors
{
    public const string InstanceNotFound = "InvalidInstanceID.NotFound";
    public const string TemplateExists = "InvalidLaunchTemplateName.AlreadyExistsException";
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

    private static readonly HashSet<string> InsufficientCapacity = new(StringComparer.Ordinal)
    {
        "InsufficientInstanceCapacity", "InsufficientCapacity", "InsufficientHostCapacity", "SpotMaxPriceTooLow",
        "UnfulfillableCapacity", "capacity-not-available",
    };

    private static readonly HashSet<string> Quota = new(StringComparer.Ordinal)
    {
        "MaxSpotInstanceCountExceeded", "InstanceLimitExceeded", "VcpuLimitExceeded", "MaxFleetCountExceeded",
        "MaxSpotFleetRequestCountExceeded",
    };

    /// <summary>Codes that mean "the service is busy or briefly broken": retry after a pause.</summary>
    private static readonly HashSet<string> Throttled = new(StringComparer.Ordinal)
    {
        "RequestLimitExceeded", "Throttling", "ThrottlingException", "InternalError", "InternalFailure",
        "ServiceUnavailable", "Unavailable", "NetworkError",
    };

    public static CapacityErrorKind KindOf(string code) =>
        InsufficientCapacity.Contains(code) ? CapacityErrorKind.InsufficientCapacity
        : Quota.Contains(code) ? CapacityErrorKind.Quota
        : Throttled.Contains(code) ? CapacityErrorKind.Throttled
        : CapacityErrorKind.Rejected;

    public static CapacityException ToCapacity(string action, string code, string? message, Exception? inner = null) =>
        new(KindOf(code), code, $"EC2 {action} failed with {code}: {message}", inner);

    /// <summary>Runs an EC2 call, turning the service's refusals and network failures into <see cref="CapacityException"/>.</summary>
    public static async Task<T> CallAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e)
        {
            // An answer without an EC2 error code (a proxy's error page, say) is a server problem or a bad request.
            var code = !string.IsNullOrEmpty(e.ErrorCode) ? e.ErrorCode
                : (int)e.StatusCode >= 500 ? "InternalError"
                : "UnknownError";
            throw ToCapacity(action, code, e.Message, e);
        }
        catch (HttpRequestException e)
        {
            throw ToCapacity(action, "NetworkError", e.Message, e);
        }
    }
}
