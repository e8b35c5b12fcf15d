using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InternalStore.Api.OpenApi;

/// <summary>
/// A body the handler reads itself (a CSV file, Stripe's signed event), so no parameter describes it. As endpoint
/// metadata it puts the body in the OpenAPI document; it does not change how the route is matched (an Accepts
/// would, answering 415 before authentication's 401).
/// </summary>
public sealed record RawRequestBody(string ContentType, string Description);

public static class RawRequestBodyExtensions
{
    public static RouteHandlerBuilder WithRawRequestBody(this RouteHandlerBuilder builder, string contentType, string description) =>
        builder.WithMetadata(new RawRequestBody(contentType, description));
}

/// <summary>Writes a <see cref="RawRequestBody"/> into its operation: a text body for CSV, an object for JSON.</summary>
internal sealed class RawRequestBodyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var raw = context.Description.ActionDescriptor.EndpointMetadata.OfType<RawRequestBody>().LastOrDefault();
        if (raw is null)
            return Task.CompletedTask;
        var schema = new OpenApiSchema
        {
            Type = raw.ContentType == "application/json" ? JsonSchemaType.Object : JsonSchemaType.String,
            Description = raw.Description,
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = raw.Description,
            Content = new Dictionary<string, OpenApiMediaType> { [raw.ContentType] = new() { Schema = schema } },
        };
        return Task.CompletedTask;
    }
}
