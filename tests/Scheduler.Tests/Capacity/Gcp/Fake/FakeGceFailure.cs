namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>
/// An error the fake answers an insert with. <see cref="InOperation"/> false: the insert call itself fails with
/// <paramref name="HttpStatus"/> and <c>error.errors[0].reason = Code</c>. True: the insert is accepted and its operation
/// ends DONE with <c>error.errors[0].code = Code</c> and <c>httpErrorStatusCode = HttpStatus</c>, as capacity errors do.
/// </summary>
public sealed record FakeGceFailure(int HttpStatus, string Code, string Message, bool InOperation)
{
    public static FakeGceFailure ZoneExhausted { get; } = new(503, "ZONE_RESOURCE_POOL_EXHAUSTED",
        "The zone does not have enough resources available to fulfill the request. Try a different zone, or try again later.", InOperation: true);

    public static FakeGceFailure QuotaInOperation { get; } = new(403, "QUOTA_EXCEEDED", "Quota 'PREEMPTIBLE_CPUS' exceeded. Limit: 8.0 in region.", InOperation: true);

    public static FakeGceFailure QuotaHttp { get; } = new(403, "quotaExceeded", "Quota exceeded for quota metric 'Queries'.", InOperation: false);

    public static FakeGceFailure RateLimited { get; } = new(403, "rateLimitExceeded", "Rate Limit Exceeded", InOperation: false);

    public static FakeGceFailure TooManyRequests { get; } = new(429, "RESOURCE_EXHAUSTED", "Too many requests", InOperation: false);

    public static FakeGceFailure InvalidImage { get; } = new(400, "invalid", "Invalid value for field 'resource.disks[0].initializeParams.sourceImage'.", InOperation: false);
}
