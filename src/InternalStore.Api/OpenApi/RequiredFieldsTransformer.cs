using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InternalStore.Api.OpenApi;

/// <summary>
/// A property is required when it cannot be null, or when it is marked [Required]. The default marks every
/// constructor parameter of a record required, but request records here take every field as nullable so that a
/// missing one is a 400 naming it, not a silent zero: the fields a request must carry say so with [Required].
/// </summary>
internal sealed class RequiredFieldsTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;
        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is null || schema.Properties.Count == 0)
            return Task.CompletedTask;
        var required = type.Properties
            .Where(p => schema.Properties.ContainsKey(p.Name))
            .Where(p => !p.IsGetNullable || p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        schema.Required = required;
        return Task.CompletedTask;
    }
}
