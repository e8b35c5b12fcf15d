using InternalStore.Api.Auth;
using InternalStore.Application.Finance;
using InternalStore.Application.Promotions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InternalStore.Api.Endpoints;

public static class PromotionEndpoints
{
    public static IEndpointRouteBuilder MapPromotionEndpoints(this IEndpointRouteBuilder app)
    {
        var promotions = app.MapGroup("/api/promotions").WithTags("Promotions").RequireAuthorization(Policies.CatalogOrHr);
        promotions.MapGet("/", List).WithSummary("Promotions; ?activeOn=YYYY-MM-DD for those valid that day.");
        promotions.MapPost("/", Create)
            .WithSummary("Create a promotion: catalog for audience all/external, hr for audience employee.");
        promotions.MapPut("/{id}", Update).WithSummary("Change a promotion (the role that may create its audience).");

        var transfer = app.MapGroup("/api/finance/transfer-pricing").WithTags("Finance").RequireAuthorization(Policies.Finance);
        transfer.MapGet("/", GetTransferPricing).WithSummary("The department and intercompany markups on cost.");
        transfer.MapPut("/", UpdateTransferPricing).WithSummary("Replace the department and intercompany markups.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PromotionDto>>> List(HttpContext http, ISender sender, DateOnly? activeOn, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPromotionsQuery(http.User.ToCaller(), activeOn), ct));

    private static async Task<Results<Created<PromotionDto>, Ok<PromotionDto>>> Create(HttpContext http, ISender sender,
        PromotionRequest request, CancellationToken ct)
    {
        var result = await sender.Send(new CreatePromotionCommand(http.User.ToCaller(), request.Id, request.ToInput()), ct);
        return result.Created
            ? TypedResults.Created($"/api/promotions/{result.Promotion.Id}", result.Promotion)
            : TypedResults.Ok(result.Promotion);
    }

    private static async Task<Ok<PromotionDto>> Update(HttpContext http, ISender sender, string id, PromotionInput request,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdatePromotionCommand(http.User.ToCaller(), id, request), ct));

    private static async Task<Ok<TransferPricingDto>> GetTransferPricing(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTransferPricingQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<TransferPricingDto>> UpdateTransferPricing(HttpContext http, ISender sender,
        TransferPricingRequest request, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateTransferPricingCommand(http.User.ToCaller(), request.DefaultMarkupPercent,
            request.IntercompanyMarkupPercent, request.CategoryMarkups), ct));
}

public sealed record TransferPricingRequest(decimal? DefaultMarkupPercent, decimal? IntercompanyMarkupPercent,
    IReadOnlyList<CategoryMarkupDto?>? CategoryMarkups);

public sealed record PromotionRequest(string? Id, string? Sku, string? Category, decimal? Percent, string? Audience,
    DateOnly? From, DateOnly? To)
{
    public PromotionInput ToInput() => new(Sku, Category, Percent, Audience, From, To);
}
