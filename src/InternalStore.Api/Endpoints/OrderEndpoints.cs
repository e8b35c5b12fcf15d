using InternalStore.Api.Auth;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("/", Place).RequireAuthorization(Policies.Buyer)
            .WithSummary("Place an order (Idempotency-Key required). Prices are the server's, or those of a valid quote token.");
        orders.MapGet("/", List).RequireAuthorization(Policies.Person)
            .WithSummary("Your orders; hr and finance see all, filtered.");
        orders.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Person)
            .WithSummary("One order with its lines and history: the buyer's own, or any in scope for hr and finance.");
        orders.MapGet("/{id:guid}/details", Details).RequireAuthorization(Policies.Person)
            .WithSummary("The order with each line's price explanation, how it is being paid (deductions, entries, invoice, card), its refunds and what you may still do.");
        orders.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.Person)
            .WithSummary("Cancel an order awaiting payment (buyer or finance); releases stock and allowance.");
        orders.MapPost("/{id:guid}/fulfil", Fulfil).RequireAuthorization(Policies.Catalog)
            .WithSummary("Mark a paid order fulfilled (shipped or handed over).");
        orders.MapPost("/{id:guid}/instalments/move", MoveInstalment).RequireAuthorization(Policies.PayrollStaff)
            .WithSummary("Move a payroll instalment to another pay date still to come (hr or finance of the employee's company); the cap per pay period holds.");
        return app;
    }

    private static async Task<Results<GeneratedCreated<OrderDto>, GeneratedOk<OrderDto>>> Place(HttpContext http, ISender sender,
        PlaceOrderRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new PlaceOrderCommand(http.User.ToCaller(), idempotencyKey, request.Lines,
            request.QuoteToken), ct);
        return result.Created
            ? new GeneratedCreated<OrderDto>($"/api/orders/{result.Order.Id}", result.Order, ApiJsonContext.Default.OrderDto)
            : new GeneratedOk<OrderDto>(result.Order, ApiJsonContext.Default.OrderDto);
    }

    private static async Task<Ok<Page<OrderDto>>> List(HttpContext http, ISender sender, string? status, string? buyer,
        string? costCenter, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListOrdersQuery(http.User.ToCaller(), status, buyer, costCenter, from, to,
            page ?? 1, pageSize ?? Paging.DefaultPageSize), ct));

    private static async Task<Ok<OrderDto>> Get(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrderQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<OrderDetailsDto>> Details(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(http.User.ToCaller(), id), ct));

    private static async Task<Ok<OrderDto>> Cancel(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CancelOrderCommand(http.User.ToCaller(), id), ct));

    private static async Task<Ok<Application.Checkout.PayrollScheduleDto>> MoveInstalment(HttpContext http, ISender sender, Guid id,
        MoveInstalmentBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new Application.Checkout.MoveInstalmentCommand(http.User.ToCaller(), id, body.From, body.To, body.Reason), ct));

    private static async Task<Ok<OrderDto>> Fulfil(HttpContext http, ISender sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new FulfilOrderCommand(http.User.ToCaller(), id), ct));
}

/// <summary>Lines and an optional quote token: prices, totals, buyer or status in a body are not read.</summary>
public sealed record PlaceOrderRequest(IReadOnlyList<QuoteLineRequest>? Lines, string? QuoteToken);

public sealed record MoveInstalmentBody(string? From, string? To, string? Reason);
