using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>instances.insert, get and delete, and zoneOperations.wait.</summary>
public sealed partial class FakeGceServer
{
    private (int, JsonNode) Insert(HttpContext context)
    {
        var zone = Route(context, "zone");
        string? requestId = context.Request.Query["requestId"];
        var body = (JsonObject)BodyOf(context)!;
        var name = (string)body["name"]!;
        var machineType = ((string)body["machineType"]!).Split('/')[^1];
        lock (_gate)
        {
            if (requestId is not null && _operationsByRequestId.TryGetValue(requestId, out var earlier))
                return (200, earlier.ToJson(ProjectUrl));
            if (_insertFailures.TryGetValue(zone, out var failures) && failures.TryDequeue(out var failure))
            {
                if (!failure.InOperation)
                    return Error(failure.HttpStatus, failure.Code, failure.Message, failure.HttpStatus == 429 ? "RESOURCE_EXHAUSTED" : "FAILED_PRECONDITION");
                return (200, NewOperation(zone, "insert", name, requestId, failure, () => { }).ToJson(ProjectUrl));
            }
            if (_instances.ContainsKey(Key(zone, name)))
                return Error(409, "alreadyExists", $"The resource 'projects/{Project}/zones/{zone}/instances/{name}' already exists", "ALREADY_EXISTS");
            var instance = new FakeGceInstance((ulong)++_counter, zone, name, machineType, (JsonObject)body.DeepClone());
            _instances[Key(zone, name)] = instance;
            return (200, NewOperation(zone, "insert", name, requestId, null, () => instance.Status = "RUNNING").ToJson(ProjectUrl));
        }
    }

    private (int, JsonNode) Get(HttpContext context)
    {
        var (zone, name) = (Route(context, "zone"), Route(context, "name"));
        lock (_gate)
        {
            if (!_instances.TryGetValue(Key(zone, name), out var instance))
                return NotFound(zone, name);
            var json = instance.ToJson(ProjectUrl);
            VanishIfPreempted(instance);
            return (200, json);
        }
    }

    private (int, JsonNode) Delete(HttpContext context)
    {
        var (zone, name) = (Route(context, "zone"), Route(context, "name"));
        string? requestId = context.Request.Query["requestId"];
        lock (_gate)
        {
            if (requestId is not null && _operationsByRequestId.TryGetValue(requestId, out var earlier))
                return (200, earlier.ToJson(ProjectUrl));
            if (!_instances.TryGetValue(Key(zone, name), out var instance))
                return NotFound(zone, name);
            instance.Status = "STOPPING";
            return (200, NewOperation(zone, "delete", name, requestId, null, () => _instances.Remove(Key(zone, name))).ToJson(ProjectUrl));
        }
    }

    private (int, JsonNode) Wait(HttpContext context)
    {
        var (zone, name) = (Route(context, "zone"), Route(context, "operation"));
        lock (_gate)
        {
            if (!_operations.TryGetValue(name, out var operation) || operation.Zone != zone)
                return Error(404, "notFound", $"The resource 'projects/{Project}/zones/{zone}/operations/{name}' was not found", "NOT_FOUND");
            operation.Advance();
            return (200, operation.ToJson(ProjectUrl));
        }
    }

    /// <summary>Names of the operations created so far, oldest first, with how many wait calls each received.</summary>
    public IReadOnlyList<(string Name, string Status, int Waits)> Operations
    {
        get { lock (_gate) return _operations.Values.Select(o => (o.Name, o.Status, o.Waits)).ToList(); }
    }

    private FakeGceOperation NewOperation(string zone, string type, string target, string? requestId, FakeGceFailure? failure, Action onDone)
    {
        var operation = new FakeGceOperation($"operation-{++_counter}-{type}", zone, type, target, WaitsToFinish, failure, onDone);
        _operations[operation.Name] = operation;
        if (requestId is not null)
            _operationsByRequestId[requestId] = operation;
        return operation;
    }

    private void VanishIfPreempted(FakeGceInstance instance)
    {
        if (instance.Status == "TERMINATED" && instance.VanishAfterRead)
            _instances.Remove(Key(instance.Zone, instance.Name));
    }

    private (int, JsonNode) NotFound(string zone, string name) =>
        Error(404, "notFound", $"The resource 'projects/{Project}/zones/{zone}/instances/{name}' was not found", "NOT_FOUND");
}
