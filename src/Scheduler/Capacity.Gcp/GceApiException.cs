using System.Net;
using Tuner.Core.Capacity;

namespace Tuner.Capacity.Gcp;

/// <summary>An HTTP error answer from Compute Engine: its status, its first reason (or status name) and message.</summary>
internal sealed class GceApiException(HttpStatusCode status, string reason, string message)
    : Exception($"Compute Engine answered {(int)status} {reason}: {message}")
{
    public HttpStatusCode Status { get; } = status;
    public string Reason { get; } = reason;
    public string ApiMessage { get; } = message;

    public CapacityException ToCapacityException(string action) =>
        GceErrors.ToCapacityException(Reason, (int)Status, $"{action} failed: Compute Engine answered {(int)Status} {Reason}: {ApiMessage}", this);
}
