using System.Net;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>
/// Maps Compute Engine errors to <see cref="CapacityErrorKind"/>, keeping GCE's code. HTTP errors carry a reason
/// (<c>error.errors[0].reason</c>: quotaExceeded, rateLimitExceeded, alreadyExists, notFound...); operation errors
/// carry a code (<c>error.errors[0].code</c>: ZONE_RESOURCE_POOL_EXHAUSTED, QUOTA_EXCEEDED...). HTTP 429 and any other
/// rate-limit reason are Throttled; 5xx without a known code are Throttled too (transient: the caller retries).
/// </summary>
public static class GceErrors
{
    private static readonly HashSet<string> CapacityCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ZONE_RESOURCE_POOL_EXHAUSTED", "ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS", "REGION_RESOURCE_POOL_EXHAUSTED",
        "RESOURCE_POOL_EXHAUSTED", "STOCKOUT", "resourceExhausted",
    };

    private static readonly HashSet<string> QuotaCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "QUOTA_EXCEEDED", "quotaExceeded", "limitExceeded",
    };

    private static readonly HashSet<string> ThrottleCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED",
    };

    public static CapacityErrorKind Classify(string code, int? httpStatus)
    {
        if (httpStatus == (int)HttpStatusCode.TooManyRequests || ThrottleCodes.Contains(code))
            return CapacityErrorKind.Throttled;
        if (CapacityCodes.Contains(code))
            return CapacityErrorKind.InsufficientCapacity;
        if (QuotaCodes.Contains(code))
            return CapacityErrorKind.Quota;
        return httpStatus >= 500 ? CapacityErrorKind.Throttled : CapacityErrorKind.Rejected;
    }

    public static CapacityException ToCapacityException(string code, int? httpStatus, string message, Exception? inner = null) =>
        new(Classify(code, httpStatus), code, message, inner);
}
