using System.Text.Json.Nodes;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>One request the fake received: method, path (from /compute/v1/projects/{p}/ on), decoded query, JSON body
/// and the Authorization header.</summary>
public sealed record FakeGceRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, JsonNode? Body,
    string? Authorization);
