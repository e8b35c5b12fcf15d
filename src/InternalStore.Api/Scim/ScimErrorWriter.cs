using System.Text.Json.Nodes;
using InternalStore.Application.Provisioning;

namespace InternalStore.Api.Scim;

/// <summary>
/// Under <c>/scim</c> every error the store answers (its exceptions, validation, 401, 403, 404, 413,
/// 429...) is written in SCIM's error format (RFC 7644 §3.12) instead of problem details: identity
/// providers read <c>status</c>, <c>scimType</c> and <c>detail</c>. The store's error codes that are
/// SCIM types pass through; any other 400 is <c>invalidValue</c>.
/// </summary>
public sealed class ScimErrorWriter : IProblemDetailsWriter
{
    public const string MediaType = "application/scim+json";

    public bool CanWrite(ProblemDetailsContext context) => ScimEndpoints.IsScim(context.HttpContext.Request.Path);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        var code = problem.Extensions.TryGetValue("code", out var value) ? value as string : null;
        var scimType = code is not null && ScimErrors.All.Contains(code) ? code
            : status == StatusCodes.Status400BadRequest ? ScimErrors.InvalidValue
            : null;
        var error = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.Error),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (scimType is not null)
            error["scimType"] = scimType;
        error["detail"] = problem.Detail ?? DetailOf(http, status);
        http.Response.StatusCode = status;
        http.Response.ContentType = MediaType;
        await http.Response.WriteAsync(error.ToJsonString(), http.RequestAborted);
    }

    /// <summary>What a bare status means here (the framework's 401, 404, 405...).</summary>
    private static string DetailOf(HttpContext http, int status) => status switch
    {
        StatusCodes.Status401Unauthorized =>
            (http.Items[ScimAuthenticationHandler.FailureItem] is string why ? why + " " : "")
            + "A SCIM token is required: 'Authorization: Bearer <token>' (internalstore scim-token create --company CODE).",
        StatusCodes.Status403Forbidden => "This credential may not provision users.",
        StatusCodes.Status404NotFound => $"There is no SCIM resource at {http.Request.Path}: the store serves Users, ServiceProviderConfig, ResourceTypes and Schemas.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not supported at {http.Request.Path}.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status429TooManyRequests => "Too many requests; try again after the Retry-After seconds.",
        _ => "The request failed.",
    };
}
