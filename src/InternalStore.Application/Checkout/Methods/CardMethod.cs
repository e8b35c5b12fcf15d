using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Currencies = InternalStore.Pricing.Currencies;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>
/// An employee pays by card through Stripe, in three steps so that no database transaction is open
/// while Stripe is called: (1) in the checkout's transaction, record the payment (and its
/// order-derived idempotency key); (2) after the commit, create, or once known read, the order's one
/// PaymentIntent, confirming it when the buyer sent a saved payment method; (3) record what Stripe
/// said. A crash between (2) and (3) leaves a payment the reconciler finishes with the same key. The
/// order is paid only when Stripe's signed webhook, or the reconciler reading the intent, says the
/// money arrived (<see cref="CardPaymentOutcomes"/>). A refund goes to Stripe through the outbox.
/// </summary>
public sealed class CardMethod(IStoreDb db, TransactionRunner runner, IPaymentGateway gateway, TimeProvider clock)
    : ISettlementMethod
{
    public const string RefundMessage = "stripe-refund";
    public const string CancelIntentMessage = "stripe-cancel-intent";

    /// <summary>Step (1) done: the payment to create or resume at Stripe after the commit.</summary>
    private sealed record Started(CardPayment Payment);

    public PaymentMethod Method => PaymentMethod.Card;
    public string Description => "card";
    public bool Fits(BuyerKind buyer) => buyer == BuyerKind.Employee;
    public bool RefundsThroughProvider => true;

    public const string NotConfigured = "Card payment is not offered by this store (Stripe is not configured).";

    public Task<string?> UnavailableToAsync(BuyerKind buyer, string buyerId, CancellationToken ct) =>
        Task.FromResult(gateway.IsConfigured ? null : NotConfigured);

    public async Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct)
    {
        if (!gateway.IsConfigured)
            throw new ConflictException("payment-method-unavailable",
                "Card payments are not configured on this store (no Stripe:SecretKey); employees can pay by payroll deduction.");
        var payment = await db.CardPayments.FirstOrDefaultAsync(p => p.OrderId == order.Id, ct);
        if (payment is null)
        {
            payment = new CardPayment(order.Id, Currencies.ToMinorUnits(order.Total, order.Currency), order.Currency,
                clock.GetUtcNow());
            db.CardPayments.Add(payment);
        }
        else if (payment.Status == CardPaymentStatus.Succeeded)
        {
            return Describe(payment);
        }

        return new Started(payment);
    }

    public async Task<object?> AfterCommitAsync(object? settled, CheckoutOrderCommand command, CancellationToken ct)
    {
        if (settled is not Started { Payment: var payment })
            return settled;
        var intent = payment.IntentId is null
            ? await gateway.CreateIntentAsync(payment.OrderId, payment.AmountMinor, payment.Currency, payment.IdempotencyKey, ct)
            : await gateway.GetIntentAsync(payment.IntentId, ct);
        string? declined = null;
        if (command.PaymentMethodId is { } paymentMethod && intent.Status is "requires_payment_method" or "requires_confirmation")
        {
            try
            {
                intent = await gateway.ConfirmIntentAsync(intent.Id, paymentMethod,
                    $"order:{payment.OrderId}:confirm:{command.IdempotencyKey}", ct);
            }
            catch (PaymentDeclinedException ex)
            {
                declined = ex.Message;
            }
        }

        await runner.RunAsync(async inner =>
        {
            var now = clock.GetUtcNow();
            var recorded = await db.CardPayments.FirstAsync(p => p.OrderId == payment.OrderId, inner);
            recorded.IntentCreated(intent.Id, now);
            if (declined is not null)
                recorded.Declined(declined, now);
            await db.SaveChangesAsync(inner);
            return true;
        }, ct);

        if (declined is not null)
            throw new PaymentDeclinedException($"The card was declined: {declined} The order is still awaiting payment; try another card.");
        return new CardCheckoutDto(intent.Id, intent.Status, intent.ClientSecret, null);
    }

    /// <summary>A replay of an unfinished card checkout resumes it: the same intent, confirmed if asked.</summary>
    public async Task<object?> ReplayAsync(Order order, CancellationToken ct)
    {
        var payment = await db.CardPayments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == order.Id, ct);
        return order.Status != OrderStatus.AwaitingPayment || payment?.Status == CardPaymentStatus.Succeeded
            ? Describe(payment)
            : null;
    }

    public Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct)
    {
        db.OutboxMessages.Add(new OutboxMessage(RefundMessage, refund.Id.ToString(), now));
        return Task.CompletedTask;
    }

    /// <summary>The open PaymentIntent is cancelled at Stripe after the commit, so nobody pays for a cancelled order.</summary>
    public void OnCancelled(Order order, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage(CancelIntentMessage, order.Id.ToString(), now));

    private static CardCheckoutDto? Describe(CardPayment? payment) =>
        payment?.IntentId is { } id ? new CardCheckoutDto(id, payment.Status.WireName(), null, null) : null;
}
