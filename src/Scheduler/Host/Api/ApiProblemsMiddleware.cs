namespace Tuner.Scheduler.Api;

/// <summary>
/// Makes every error the server answers problem details (application/problem+json with title, status and detail),
/// including those no endpoint writes itself: no such route, wrong method, unsupported media type, a path or query
/// value that cannot be read, a body over the size limit, an unexpected exception.
/// </summary>
public static class ApiProblemsMiddleware
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Detail ??= Detail(c));
        // A value that cannot be bound throws, so that its message (which parameter, which value) reaches the problem.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A bad request (unbindable value, body over the limit) keeps its 4xx; anything else is a 500.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static string? Detail(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        var target = $"{request.Method} {request.Path}";
        if (context.Exception is BadHttpRequestException bad)
        {
            return $"{target}: {bad.Message}";
        }

        return context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest when context.ProblemDetails is HttpValidationProblemDetails invalid =>
                $"{target}: {string.Join("; ", invalid.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}",
            StatusCodes.Status404NotFound => $"there is nothing at {target}; the OpenAPI document lists every path",
            StatusCodes.Status405MethodNotAllowed =>
                $"{request.Method} is not allowed on {request.Path}; allowed: {context.HttpContext.Response.Headers.Allow}",
            StatusCodes.Status415UnsupportedMediaType =>
                $"{target} does not accept Content-Type '{request.ContentType ?? "(none)"}'; the OpenAPI document lists what it accepts",
            StatusCodes.Status500InternalServerError =>
                $"{target} failed on the server; the server's log has the error under this problem's traceId",
            _ => null,
        };
    }
}
