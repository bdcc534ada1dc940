using Tuner.Core.Access;

namespace Tuner.Scheduler.Hosting.Access;

/// <summary>The 401 and 403 answers of the API, as problem details that say what to do.</summary>
internal static class AccessProblems
{
    public const string KeyHeader = "X-Api-Key";

    public static Task UnauthenticatedAsync(HttpContext http, bool keyWasSent)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        var detail = keyWasSent
            ? "the API key is not valid: it was revoked, mistyped, or made for another Tuner database"
            : $"this server requires an API key: send it as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>' (the CLI reads TUNER_API_KEY); an admin creates one with `tuner keys create NAME --role submit`";
        return WriteAsync(http, StatusCodes.Status401Unauthorized, "API key required", detail);
    }

    public static Task ForbiddenAsync(HttpContext http)
    {
        var needed = http.Items[RoleForRequest.NeededItem] is AccessRole role ? role : ActionRole.Needed(http);
        var held = TunerPrincipal.RoleOf(http.User);
        var who = http.User.Identity?.Name is { } name ? $"the key '{name}'" : "this key";
        return WriteAsync(http, StatusCodes.Status403Forbidden, "Not allowed",
            $"{who} has the role {held?.Name() ?? "none"}; this request needs {needed.Name()} (roles: {AccessRoles.Names}, each including the ones before it)");
    }

    public static Task RequestForgeryAsync(HttpContext http) => WriteAsync(http, StatusCodes.Status403Forbidden, "Missing request token",
        "a request from a signed-in page must carry the X-CSRF-TOKEN header that GET /api/session gives; programs send their API key instead");

    private static Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Title = title, Status = status, Detail = detail },
        }).AsTask();
    }
}
