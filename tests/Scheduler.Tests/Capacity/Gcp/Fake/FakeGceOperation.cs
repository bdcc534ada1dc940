using System.Text.Json.Nodes;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>A zone operation: PENDING, then RUNNING, and DONE after <paramref name="waitsToFinish"/> wait calls; on DONE
/// it applies its effect (the instance runs, or is deleted) or, when it carries a failure, reports it in <c>error</c>.</summary>
internal sealed class FakeGceOperation(string name, string zone, string type, string target, int waitsToFinish,
    FakeGceFailure? failure, Action onDone)
{
    public string Name { get; } = name;
    public string Zone { get; } = zone;
    public int Waits { get; private set; }
    public string Status => Waits >= waitsToFinish ? "DONE" : Waits == 0 ? "PENDING" : "RUNNING";

    public void Advance()
    {
        var wasDone = Status == "DONE";
        Waits++;
        if (!wasDone && Status == "DONE" && failure is null)
            onDone();
    }

    public JsonObject ToJson(string projectUrl)
    {
        var json = new JsonObject
        {
            ["kind"] = "compute#operation",
            ["name"] = Name,
            ["zone"] = $"{projectUrl}zones/{Zone}",
            ["operationType"] = type,
            ["targetLink"] = $"{projectUrl}zones/{Zone}/instances/{target}",
            ["status"] = Status,
            ["progress"] = Status == "DONE" ? 100 : 0,
            ["selfLink"] = $"{projectUrl}zones/{Zone}/operations/{Name}",
        };
        if (Status == "DONE" && failure is not null)
        {
            json["error"] = new JsonObject
            {
                ["errors"] = new JsonArray(new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message }),
            };
            json["httpErrorStatusCode"] = failure.HttpStatus;
            json["httpErrorMessage"] = failure.HttpStatus == 503 ? "SERVICE UNAVAILABLE" : "FORBIDDEN";
        }
        return json;
    }
}
