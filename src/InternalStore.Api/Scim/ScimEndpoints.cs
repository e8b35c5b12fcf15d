using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Api.Auth;
using InternalStore.Application.Provisioning;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Api.Scim;

/// <summary>
/// SCIM 2.0 provisioning (RFC 7643, RFC 7644) for identity providers such as Okta and Microsoft Entra
/// ID. Not in the OpenAPI document: SCIM describes itself (ServiceProviderConfig, ResourceTypes,
/// Schemas) and answers in its own media type and error format; docs/scim.md is the contract.
/// </summary>
public static class ScimEndpoints
{
    public const string Root = "/scim/v2";

    public static bool IsScim(PathString path) => path.StartsWithSegments("/scim");

    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Root).ExcludeFromDescription();

        // The self-description holds no data and is read before a token is configured: public, as RFC 7644 §4 allows.
        scim.MapGet("/ServiceProviderConfig", (HttpContext http) => Scim(ScimDiscovery.ServiceProviderConfig(BaseUrl(http))));
        scim.MapGet("/ResourceTypes", (HttpContext http) => Scim(List([ScimDiscovery.UserResourceType(BaseUrl(http))])));
        scim.MapGet("/ResourceTypes/{name}", (HttpContext http, string name) => name == "User"
            ? Scim(ScimDiscovery.UserResourceType(BaseUrl(http)))
            : throw new NotFoundException("ResourceType", name));
        scim.MapGet("/Schemas", (HttpContext http) => Scim(List(ScimDiscovery.Schemas(BaseUrl(http)))));
        scim.MapGet("/Schemas/{id}", (HttpContext http, string id) =>
            ScimDiscovery.Schemas(BaseUrl(http)).FirstOrDefault(s => (string?)s["id"] == id) is { } schema
                ? Scim(schema)
                : throw new NotFoundException("Schema", id));

        var users = scim.MapGroup("/Users").RequireAuthorization(Policies.ScimProvisioner);
        users.MapGet("/", async (HttpContext http, ISender sender, string? filter, string? startIndex, string? count, CancellationToken ct) =>
            Scim(await sender.Send(new ListScimUsersQuery(http.User.ToCaller(), BaseUrl(http), filter, startIndex, count), ct)));
        users.MapGet("/{id}", async (HttpContext http, ISender sender, string id, CancellationToken ct) =>
            Scim(await sender.Send(new GetScimUserQuery(http.User.ToCaller(), BaseUrl(http), id), ct)));
        users.MapPost("/", async (HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var user = await sender.Send(new CreateScimUserCommand(http.User.ToCaller(), BaseUrl(http), await BodyAsync(http, ct)), ct);
            http.Response.Headers.Location = (string?)user["meta"]?["location"];
            return Scim(user, StatusCodes.Status201Created);
        });
        users.MapPut("/{id}", async (HttpContext http, ISender sender, string id, CancellationToken ct) =>
            Scim(await sender.Send(new ReplaceScimUserCommand(http.User.ToCaller(), BaseUrl(http), id, await BodyAsync(http, ct)), ct)));
        users.MapPatch("/{id}", async (HttpContext http, ISender sender, string id, CancellationToken ct) =>
            Scim(await sender.Send(new PatchScimUserCommand(http.User.ToCaller(), BaseUrl(http), id, await BodyAsync(http, ct)), ct)));
        users.MapDelete("/{id}", async (HttpContext http, ISender sender, string id, CancellationToken ct) =>
        {
            await sender.Send(new DeleteScimUserCommand(http.User.ToCaller(), id), ct);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>The absolute base of the SCIM endpoints as the client reached them (behind a proxy, its scheme and host).</summary>
    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Root}";

    private static IResult Scim(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ScimErrorWriter.MediaType, System.Text.Encoding.UTF8, status);

    private static JsonObject List(IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
        ["totalResults"] = resources.Count,
        ["startIndex"] = 1,
        ["itemsPerPage"] = resources.Count,
        ["Resources"] = new JsonArray(resources.Cast<JsonNode>().ToArray()),
    };

    /// <summary>The body as a JSON object, whatever its declared type (application/scim+json or application/json); otherwise 400 <c>invalidSyntax</c>.</summary>
    private static async Task<JsonObject> BodyAsync(HttpContext http, CancellationToken ct)
    {
        try
        {
            var node = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
            if (node is not JsonObject body)
                throw new DomainValidationException(ScimErrors.InvalidSyntax, "body", "The body is a JSON object.");
            _ = body.Count; // reads the properties now: a duplicate name fails here, as a client's mistake
            return body;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new DomainValidationException(ScimErrors.InvalidSyntax, "body", $"The body is not a valid JSON object: {ex.Message}");
        }
    }
}
