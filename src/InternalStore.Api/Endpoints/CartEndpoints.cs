using InternalStore.Api.Auth;
using InternalStore.Application.Carts;
using InternalStore.Application.Checkout;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

/// <summary>The buyer's cart, kept by the store (the shop's pages and any storefront share it), and checking it out.</summary>
public static class CartEndpoints
{
    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart").WithTags("Cart").RequireAuthorization(Policies.Buyer);
        cart.MapGet("/", Get).WithSummary("Your cart, priced now, with what stands in the way of ordering each line.");
        cart.MapPost("/lines", Add).WithSummary("Add a quantity of a product to your cart.");
        cart.MapPut("/lines/{sku}", Set).WithSummary("Set a line's quantity (0 takes it out).");
        cart.MapDelete("/lines/{sku}", Remove).WithSummary("Take a line out of your cart.");
        cart.MapDelete("/", Clear).WithSummary("Empty your cart.");
        cart.MapPost("/checkout", Checkout)
            .WithSummary("Order the cart and settle it in one step (Idempotency-Key required); a refused payment keeps the cart and places nothing.");
        app.MapGet("/api/me/payment-options", PaymentOptions).WithTags("Cart").RequireAuthorization(Policies.Buyer)
            .WithSummary("The ways you can pay for an order, and why the others are closed to you.");
        return app;
    }

    private static async Task<Ok<CartDto>> Get(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCartQuery(http.User.ToCaller()), ct));

    private static async Task<Ok<CartDto>> Add(HttpContext http, ISender sender, CartLineRequest request, CancellationToken ct)
    {
        await sender.Send(new SetCartLineCommand(http.User.ToCaller(), request.Sku, request.Quantity, Add: true), ct);
        return await Get(http, sender, ct);
    }

    private static async Task<Ok<CartDto>> Set(HttpContext http, ISender sender, string sku, CartQuantityRequest request,
        CancellationToken ct)
    {
        await sender.Send(new SetCartLineCommand(http.User.ToCaller(), sku, request.Quantity), ct);
        return await Get(http, sender, ct);
    }

    private static async Task<Ok<CartDto>> Remove(HttpContext http, ISender sender, string sku, CancellationToken ct)
    {
        await sender.Send(new SetCartLineCommand(http.User.ToCaller(), sku, 0), ct);
        return await Get(http, sender, ct);
    }

    private static async Task<NoContent> Clear(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ClearCartCommand(http.User.ToCaller()), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<CheckoutDto>> Checkout(HttpContext http, ISender sender, CheckoutRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new CheckoutCartCommand(http.User.ToCaller(), idempotencyKey, request.Method,
            request.Installments, request.PaymentMethodId), ct);
        return TypedResults.Created($"/api/orders/{result.Order.Id}", result);
    }

    private static async Task<Ok<PaymentOptionsDto>> PaymentOptions(HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPaymentOptionsQuery(http.User.ToCaller()), ct));
}

public sealed record CartQuantityRequest(int? Quantity);
