using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using InternalStore.Api.Auth;
using InternalStore.Application.Policies;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternalStore.Api.Endpoints;

public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/policies").WithTags("Policies").RequireAuthorization(Policies.Hr);
        policies.MapGet("/", List).WithSummary("Every version of the policies the caller manages; the one in force is marked.");
        policies.MapGet("/in-force", InForce)
            .WithSummary("The policy pricing a company's employees today: its own version in force or the nearest parent's.");
        policies.MapPost("/", Create).WithSummary("Create a draft version for a company (default: the caller's).");
        policies.MapGet("/{id:guid}", Get).WithSummary("One policy version with its document.");
        policies.MapPut("/{id:guid}", Update).WithSummary("Revise a draft; a published version is frozen (409).");
        policies.MapPost("/{id:guid}/publish", Publish).WithSummary("Freeze a draft and set the day it takes effect.");
        policies.MapPost("/{id:guid}/simulate", Simulate)
            .WithSummary("Re-price the last `days` of employee orders under this version and under the policy in force.");
        policies.MapGet("/{id:guid}/audit", Audit).WithSummary("Who changed what, when, field by field.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PolicyVersionDto>>> List(HttpContext http, ISender sender, string? company,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPoliciesQuery(http.User.ToCaller(), company), ct));

    private static async Task<Ok<PolicyInForceDto>> InForce(HttpContext http, ISender sender, string? company,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPolicyInForceQuery(http.User.ToCaller(), company), ct));

    private static async Task<Created<PolicyVersionDto>> Create(HttpContext http, ISender sender, PolicyRequest request,
        CancellationToken ct)
    {
        var created = await sender.Send(new CreatePolicyCommand(http.User.ToCaller(), request.Company, request.Name,
            request.Document), ct);
        return TypedResults.Created($"/api/policies/{created.Id}", created);
    }

    private static async Task<Ok<PolicyVersionDto>> Get(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPolicyQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<PolicyVersionDto>> Update(HttpContext http, ISender sender, Guid id, PolicyRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdatePolicyCommand(http.User.ToCaller(), id, request.Name, request.Document), ct));

    private static async Task<Ok<PolicyVersionDto>> Publish(HttpContext http, ISender sender, Guid id, PublishRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PublishPolicyCommand(http.User.ToCaller(), id, request.EffectiveFrom), ct));

    private static async Task<Ok<SimulationDto>> Simulate(HttpContext http, ISender sender, Guid id, SimulateRequest? request,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SimulatePolicyQuery(http.User.ToCaller(), id, request?.Days), ct));

    private static async Task<Ok<IReadOnlyList<PolicyAuditDto>>> Audit(HttpContext http, ISender sender, Guid id,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPolicyAuditQuery(http.User.ToCaller(), id), ct));
}

public sealed record PolicyRequest(string? Company, string? Name, [property: Required] JsonObject? Document);

public sealed record PublishRequest(DateOnly? EffectiveFrom);

public sealed record SimulateRequest(int? Days);
