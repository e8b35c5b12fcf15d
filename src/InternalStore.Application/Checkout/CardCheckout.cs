using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Checkout;

/// <summary>
/// Card checkout in three steps, so no database transaction is open while Stripe is called:
/// (1) record the payment (and its order-derived idempotency key) before calling; (2) create — or,
/// once known, read — the order's one PaymentIntent, confirming it when the buyer sent a saved
/// payment method; (3) record what Stripe said. A crash between (2) and (3) leaves a payment the
/// reconciler finishes with the same key. The order is paid only when Stripe's signed webhook (or
/// the reconciler reading the intent) says the money arrived.
/// </summary>
public sealed class CardCheckout(IStoreDb db, Orders.OrderAccess access, TransactionRunner runner, IPaymentGateway gateway, TimeProvider clock)
{
    private sealed record Started(CardPayment? Payment, OrderDto Order);

    public async Task<CheckoutDto> CheckoutAsync(CheckoutOrderCommand command, CancellationToken cancellationToken)
    {
        var started = await runner.RunAsync(ct => StartAsync(command, ct), cancellationToken);
        if (started.Payment is not { } payment)
            return await DescribeAsync(started.Order, cancellationToken);

        var intent = payment.IntentId is null
            ? await gateway.CreateIntentAsync(payment.OrderId, payment.AmountMinor, payment.Currency, payment.IdempotencyKey,
                cancellationToken)
            : await gateway.GetIntentAsync(payment.IntentId, cancellationToken);
        string? declined = null;
        if (command.PaymentMethodId is { } paymentMethod && intent.Status is "requires_payment_method" or "requires_confirmation")
        {
            try
            {
                intent = await gateway.ConfirmIntentAsync(intent.Id, paymentMethod,
                    $"order:{payment.OrderId}:confirm:{command.IdempotencyKey}", cancellationToken);
            }
            catch (PaymentDeclinedException ex)
            {
                declined = ex.Message;
            }
        }

        await runner.RunAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var recorded = await db.CardPayments.FirstAsync(p => p.OrderId == payment.OrderId, ct);
            recorded.IntentCreated(intent.Id, now);
            if (declined is not null)
                recorded.Declined(declined, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

        if (declined is not null)
            throw new PaymentDeclinedException($"The card was declined: {declined} The order is still awaiting payment; try another card.");
        return new CheckoutDto(started.Order, "card", new CardCheckoutDto(intent.Id, intent.Status, intent.ClientSecret, null),
            null, null, null);
    }

    private async Task<Started> StartAsync(CheckoutOrderCommand command, CancellationToken ct)
    {
        var order = await CheckoutOrderHandler.LoadForCheckoutAsync(access, command, ct);
        if (order.CheckoutKey == command.IdempotencyKey && order.CheckoutHash != command.RequestHash)
            throw new IdempotencyKeyReusedException(command.IdempotencyKey!);
        if (order.Status != OrderStatus.AwaitingPayment && order.CheckoutKey == command.IdempotencyKey)
            return new Started(null, order.ToDto());
        if (!gateway.IsConfigured)
            throw new ConflictException("payment-method-unavailable",
                "Card payments are not configured on this store (no Stripe:SecretKey); employees can pay by payroll deduction.");

        order.ChooseMethod(PaymentMethod.Card, command.IdempotencyKey!, command.RequestHash);
        var payment = await db.CardPayments.FirstOrDefaultAsync(p => p.OrderId == order.Id, ct);
        if (payment is null)
        {
            payment = new CardPayment(order.Id, SettlementMapping.ToMinorUnits(order.Total, order.Currency), order.Currency,
                clock.GetUtcNow());
            db.CardPayments.Add(payment);
        }
        else if (payment.Status == CardPaymentStatus.Succeeded)
        {
            return new Started(null, order.ToDto());
        }

        await db.SaveChangesAsync(ct);
        return new Started(payment, order.ToDto());
    }

    private async Task<CheckoutDto> DescribeAsync(OrderDto order, CancellationToken ct)
    {
        var payment = await db.CardPayments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == order.Id, ct);
        var card = payment?.IntentId is { } id ? new CardCheckoutDto(id, payment.Status.WireName(), null, null) : null;
        return new CheckoutDto(order, "card", card, null, null, null);
    }
}
