using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>The document's title and description, its one tag's description, server URLs without a trailing slash,
/// and authentication: an API key as a bearer token on every operation, with the 401 and 403 problems a server that
/// asks for keys answers (a server on loopback is open and never answers them; docs/access.md).</summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    private const string SchemeName = "apiKey";

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Tuner API";
        document.Info.Description =
            "Submit hyperparameter sweeps, follow their trials and events, cancel them. Lists are paged: pass a page's " +
            "`next` as `?after=` for the next page. Every error is `application/problem+json`. Interactive docs: " +
            TunerOpenApi.DocsPath + ".";
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= tag.Name == "Sweeps" ? "Sweeps, their trials and their events" : null;
        }

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from `tuner keys create` (also accepted as the X-Api-Key header); needed when the server listens on a network address",
        };
        var problem = new OpenApiSchemaReference("ProblemDetails", document);
        foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", Problem("No API key, or one that is not valid", problem));
            operation.Responses.TryAdd("403", Problem("The key's role does not allow this operation", problem));
        }

        return Task.CompletedTask;
    }
}
