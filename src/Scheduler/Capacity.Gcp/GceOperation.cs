using System.Text.Json.Nodes;

namespace Tuner.Capacity.Gcp;

/// <summary>A zone operation as Compute Engine returns it: name, status (PENDING, RUNNING, DONE) and, when it failed,
/// its first error's code and message and the HTTP status it stands for.</summary>
internal sealed record GceOperation(string Name, string Status, string? ErrorCode, string? ErrorMessage, int? HttpErrorStatusCode)
{
    public bool IsDone => Status == "DONE";

    public static GceOperation From(JsonNode? json)
    {
        var firstError = json?["error"]?["errors"]?.AsArray().FirstOrDefault();
        return new GceOperation(
            Name: (string?)json?["name"] ?? throw new InvalidDataException("Compute Engine returned an operation without a name"),
            Status: (string?)json?["status"] ?? "PENDING",
            ErrorCode: firstError is null ? null : (string?)firstError["code"] ?? "UNKNOWN",
            ErrorMessage: (string?)firstError?["message"],
            HttpErrorStatusCode: json?["httpErrorStatusCode"]?.GetValue<int>());
    }
}
