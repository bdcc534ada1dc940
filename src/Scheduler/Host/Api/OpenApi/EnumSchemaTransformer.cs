using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>Turns the schema of a string property marked <see cref="OpenApiEnumAttribute"/> into an enum.</summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attribute = context.JsonPropertyInfo?.AttributeProvider?
            .GetCustomAttributes(typeof(OpenApiEnumAttribute), inherit: false)
            .OfType<OpenApiEnumAttribute>().SingleOrDefault();
        if (attribute is not null)
        {
            schema.Enum = attribute.Names().Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }

        return Task.CompletedTask;
    }
}
