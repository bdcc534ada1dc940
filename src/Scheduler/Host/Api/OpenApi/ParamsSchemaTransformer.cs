using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tuner.Scheduler.Api.OpenApi;

/// <summary>
/// Documents a trial's hyperparameters (<c>IReadOnlyDictionary&lt;string, object&gt;</c>) as what they are: a map from
/// parameter name to a number (float and int parameters), a string or a boolean (categorical choices).
/// </summary>
internal sealed class ParamsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(IReadOnlyDictionary<string, object>))
        {
            schema.Type = JsonSchemaType.Object;
            schema.AdditionalProperties = new OpenApiSchema
            {
                Type = JsonSchemaType.Number | JsonSchemaType.String | JsonSchemaType.Boolean,
                Description = "a float or int parameter's value, or a categorical parameter's choice",
            };
        }

        return Task.CompletedTask;
    }
}
