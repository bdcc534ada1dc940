using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>The document's title and description, its one tag's description, server URLs without a trailing slash,
/// and what it promises about authentication: none (every operation says so with an empty security list).</summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
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

        foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
