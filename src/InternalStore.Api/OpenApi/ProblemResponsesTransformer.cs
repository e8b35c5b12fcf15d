using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InternalStore.Api.OpenApi;

/// <summary>
/// Every operation lists the problems (RFC 9457, <c>application/problem+json</c>) it can answer, from what the route
/// is: 400 naming the field for any input; 401 and 403 behind authorization (a role outside the route's, or claims the
/// organisation does not confirm); 404 for a route naming a resource (unknown or not yours); 409 for a change (a state or
/// concurrent change that conflicts); 413 for a body over the limit; 422 for an Idempotency-Key reused with another
/// body. A status the endpoint declares itself keeps its own description.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var problem = await ReferenceAsync(context, typeof(ProblemDetails), nameof(ProblemDetails), cancellationToken);
        var validation = await ReferenceAsync(context, typeof(HttpValidationProblemDetails), nameof(HttpValidationProblemDetails), cancellationToken);
        operation.Responses ??= [];

        void Add(int status, string text, IOpenApiSchema schema)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemJson) == true)
                return;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = existing?.Description is { Length: > 0 } own ? own : text,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
            };
        }

        var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var writes = description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE";
        if (description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null || writes)
            Add(400, "The request is not valid: `errors` names each field (or line and column of a file) and why.", validation);
        if (secured)
        {
            Add(401, "No credentials, or a token or key that is not valid.", problem);
            Add(403, "The caller's role may not use this route, or the token's claims are not confirmed by the organisation.", problem);
        }

        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
            Add(404, "Unknown, or not the caller's to see.", problem);
        if (writes)
            Add(409, "The change conflicts with the resource's state or with a concurrent change; `code` says which.", problem);
        if (operation.RequestBody is not null)
            Add(413, "The body is larger than the route accepts.", problem);
        if (description.ParameterDescriptions.Any(p => string.Equals(p.Name, "Idempotency-Key", StringComparison.OrdinalIgnoreCase)))
            Add(422, "The Idempotency-Key was used before with another body (`idempotency-key-reused`).", problem);
    }

    private static async Task<IOpenApiSchema> ReferenceAsync(OpenApiOperationTransformerContext context, Type type, string id,
        CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(id))
            document.Components.Schemas[id] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        return new OpenApiSchemaReference(id, document);
    }
}
