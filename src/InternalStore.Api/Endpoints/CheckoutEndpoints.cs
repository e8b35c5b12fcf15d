using System.ComponentModel.DataAnnotations;
using InternalStore.Api.Auth;
using InternalStore.Api.OpenApi;
using InternalStore.Application.Checkout;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

public static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckoutEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Checkout");
        orders.MapPost("/{id:guid}/checkout", Checkout).RequireAuthorization(Policies.Buyer)
            .WithSummary("Settle your order (Idempotency-Key required): card, payroll, chargeback or invoice, as fits the buyer.")
            .WithDescription("card returns a Stripe clientSecret for Stripe.js; the order is paid when Stripe's webhook confirms it. "
                             + "payroll and chargeback are paid at once; invoice when finance settles it.");
        orders.MapPost("/{id:guid}/refunds", Refund).RequireAuthorization(Policies.Person)
            .WithSummary("Refund a paid order in full or by lines (Idempotency-Key required): finance, or the buyer within the refund window.");

        app.MapPost("/api/webhooks/stripe", StripeWebhook).AllowAnonymous().WithTags("Checkout")
            .WithSummary("Stripe payment events; the Stripe-Signature header is verified on the raw body.")
            .WithRawRequestBody("application/json", "A Stripe event (payment_intent.succeeded, payment_intent.payment_failed, charge.refunded, ...), as Stripe signs it.");
        return app;
    }

    private static async Task<Ok<CheckoutDto>> Checkout(HttpContext http, ISender sender, Guid id, CheckoutRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CheckoutOrderCommand(http.User.ToCaller(), id, idempotencyKey, request.Method,
            request.Installments, request.PaymentMethodId), ct));

    private static async Task<Results<Created<RefundDto>, Ok<RefundDto>>> Refund(HttpContext http, ISender sender, Guid id,
        RefundRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new RequestRefundCommand(http.User.ToCaller(), id, idempotencyKey, request.Lines,
            request.Reason, request.ReturnToStock ?? false), ct);
        return result.Created
            ? TypedResults.Created($"/api/orders/{id}/refunds/{result.Refund.Id}", result.Refund)
            : TypedResults.Ok(result.Refund);
    }

    /// <summary>The body is read raw: the signature covers its exact bytes.</summary>
    private static async Task<Ok<WebhookReceipt>> StripeWebhook(HttpContext http, ISender sender,
        IPaymentWebhookReader reader, CancellationToken ct)
    {
        using var body = new StreamReader(http.Request.Body);
        var payload = await body.ReadToEndAsync(ct);
        var paymentEvent = reader.Read(payload, http.Request.Headers["Stripe-Signature"].FirstOrDefault());
        var outcome = await sender.Send(new PaymentWebhookCommand(paymentEvent), ct);
        return TypedResults.Ok(new WebhookReceipt(paymentEvent.Id, outcome));
    }
}

/// <summary>How to settle. An amount is never read: the server charges the order's own total.</summary>
public sealed record CheckoutRequest([property: Required] string? Method, int? Installments, string? PaymentMethodId);

public sealed record RefundRequest(IReadOnlyList<RefundLineRequest>? Lines, string? Reason, bool? ReturnToStock);

public sealed record WebhookReceipt(string EventId, string Outcome);
