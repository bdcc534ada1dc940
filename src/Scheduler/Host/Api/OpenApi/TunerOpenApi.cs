using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, exact enough for a generated client (numbers are numbers, enums,
/// typed parameter maps, operation ids, problem details on every 4xx), and interactive docs for it at /docs/api.
/// </summary>
public static class TunerOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/docs/api";

    public static IServiceCollection AddTunerOpenApi(this IServiceCollection services)
    {
        // Numbers are written and read as JSON numbers only: the web default also reads them from strings, which the
        // document then has to declare as ["integer", "string"].
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddSchemaTransformer<EnumSchemaTransformer>();
            o.AddSchemaTransformer<ParamsSchemaTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapTunerOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(DocsPath, o => o
            .WithTitle("Tuner API")
            .WithOpenApiRoutePattern(DocumentPath)
            .DisableDefaultFonts()); // no requests to a font CDN: the docs work where the server has no internet
        return app;
    }
}
