namespace Tuner.Scheduler.Tests.Capacity.Aws.Fake;

/// <summary>An EC2 error the fake answers with: the code, its message and the HTTP status EC2 sends it with.</summary>
internal sealed class Ec2FakeError(string code, string message, int? status = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Throttling and unavailability are 503, server-side capacity and internal errors 500, the rest 400.</summary>
    public int Status { get; } = status ?? StatusFor(code);

    public static int StatusFor(string code) => code switch
    {
        "RequestLimitExceeded" or "Throttling" or "Unavailable" or "ServiceUnavailable" => 503,
        "InternalError" or "InsufficientInstanceCapacity" or "InsufficientCapacity" or "InsufficientHostCapacity" => 500,
        "AuthFailure" => 401,
        _ => 400,
    };

    /// <summary>Codes an instant fleet reports in its errorSet (HTTP 200, no instance) rather than as an error response.</summary>
    public static bool IsFleetLaunchError(string code) =>
        code.StartsWith("Insufficient", StringComparison.Ordinal) ||
        code is "UnfulfillableCapacity" or "SpotMaxPriceTooLow" or "MaxSpotInstanceCountExceeded" or "InstanceLimitExceeded"
            or "VcpuLimitExceeded";
}
