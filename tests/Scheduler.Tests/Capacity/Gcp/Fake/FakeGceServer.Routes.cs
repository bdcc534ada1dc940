using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tuner.Scheduler.Tests.Capacity.Gcp.Fake;

/// <summary>Recording, authentication and the routes.</summary>
public sealed partial class FakeGceServer
{
    private const string Prefix = "/compute/v1/projects/{project}/";

    private void Map(WebApplication app)
    {
        app.Use(RecordAndAuthenticateAsync);
        app.MapPost(Prefix + "zones/{zone}/instances", c => Respond(c, Insert(c)));
        app.MapGet(Prefix + "zones/{zone}/instances/{name}", c => Respond(c, Get(c)));
        app.MapDelete(Prefix + "zones/{zone}/instances/{name}", c => Respond(c, Delete(c)));
        app.MapPost(Prefix + "zones/{zone}/operations/{operation}/wait", c => Respond(c, Wait(c)));
        app.MapGet(Prefix + "aggregated/instances", c => Respond(c, AggregatedList(c)));
        app.MapGet(Prefix + "zones/{zone}/machineTypes/{type}", c => Respond(c, Offering(c, "machineTypes")));
        app.MapGet(Prefix + "zones/{zone}/acceleratorTypes/{type}", c => Respond(c, Offering(c, "acceleratorTypes")));
    }

    private async Task RecordAndAuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var body = text.Length == 0 ? null : JsonNode.Parse(text);
        context.Items[BodyKey] = body;
        var path = context.Request.Path.Value ?? "";
        var projectPrefix = $"/compute/v1/projects/{Project}/";
        var authorization = context.Request.Headers.Authorization.ToString();
        lock (_gate)
        {
            _requests.Add(new FakeGceRequest(context.Request.Method,
                path.StartsWith(projectPrefix, StringComparison.Ordinal) ? path[projectPrefix.Length..] : path,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), body, authorization));
        }
        if (authorization != $"Bearer {AccessToken}")
        {
            Interlocked.Increment(ref _unauthorized);
            await Respond(context, Error(401, "required", "Request is missing required authentication credential.", "UNAUTHENTICATED"));
            return;
        }
        if (!path.StartsWith(projectPrefix, StringComparison.Ordinal))
        {
            await Respond(context, Error(403, "forbidden", $"Permission denied on project in '{path}'", "PERMISSION_DENIED"));
            return;
        }
        await next(context);
    }

    private static async Task Respond(HttpContext context, (int Status, JsonNode Body) answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(answer.Body.ToJsonString());
    }

    /// <summary>Google's JSON error shape: error.code, error.message, error.errors[0].reason, error.status.</summary>
    private static (int, JsonNode) Error(int status, string reason, string message, string statusName) =>
        (status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
                ["status"] = statusName,
            },
        });

    private static string Route(HttpContext context, string name) => (string)context.GetRouteValue(name)!;
}
