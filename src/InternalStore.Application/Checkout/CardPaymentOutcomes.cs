using InternalStore.Domain.Common;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using InternalStore.Pricing;

namespace InternalStore.Application.Checkout;

/// <summary>
/// What a card payment's outcome does to its order, wherever the news comes from (the webhook or
/// the reconciler). Callers hold the order's lock; states only move forward, so hearing the same
/// news twice, or late, changes nothing.
/// </summary>
public sealed class CardPaymentOutcomes(IStoreDb db, PricingFacts facts, TimeProvider clock,
    Benefits.BenefitRecorder benefits)
{
    public const string RefundMessage = "stripe-refund";
    public const string CancelIntentMessage = "stripe-cancel-intent";

    public async Task<string> SucceededAsync(Order order, CardPayment payment, PaymentIntentInfo intent,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (intent.Amount != payment.AmountMinor || !intent.Currency.Equals(payment.Currency, StringComparison.OrdinalIgnoreCase))
            return $"ignored: {intent.Amount} {intent.Currency} does not match the order's {payment.AmountMinor} {payment.Currency}";
        payment.IntentCreated(intent.Id, now);
        if (!payment.Succeed(now))
            return "duplicate: the payment was already recorded";

        switch (order.Status)
        {
            case OrderStatus.AwaitingPayment:
                if (order.AllowanceReserved > 0)
                    (await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, ct)).Commit(order.AllowanceReserved);
                order.MarkPaid("stripe", now, $"card payment {intent.Id} succeeded");
                await benefits.RecordPaymentAsync(order, now, ct);
                return "paid";
            case OrderStatus.Expired when await TryTakeBackReservationsAsync(order, now, ct):
                order.MarkPaidAfterExpiry("stripe", now, $"card payment {intent.Id} arrived after the hold ran out; stock taken again");
                await benefits.RecordPaymentAsync(order, now, ct);
                return "paid after expiry";
            case OrderStatus.Expired or OrderStatus.Cancelled:
                RefundUnwanted(order, payment, now);
                return $"refunded: the order is {order.Status.WireName()}";
            default:
                return $"no change: the order is {order.Status.WireName()}";
        }
    }

    public static string Failed(CardPayment payment, PaymentIntentInfo intent, DateTimeOffset now)
    {
        payment.IntentCreated(intent.Id, now);
        payment.Declined(intent.LastError ?? "The payment failed.", now);
        return "payment failed";
    }

    /// <summary>Stock (and allowance, within the cap) again for an order whose hold ran out; false if either is gone.</summary>
    private async Task<bool> TryTakeBackReservationsAsync(Order order, DateTimeOffset now, CancellationToken ct)
    {
        var products = await db.LockProductsAsync(order.Lines.Select(l => l.Sku).Distinct().ToList(), ct);
        var wanted = order.Lines.GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        if (products.Count != wanted.Count || products.Any(p => !p.Active || p.StockOnHand < wanted[p.Sku]))
            return false;

        AllowanceLedger? ledger = null;
        if (order.AllowanceReserved > 0)
        {
            var policy = await facts.PolicyInForceAsync(order.Company, DateOnly.FromDateTime(now.UtcDateTime), ct);
            var cap = policy is null ? null : DiscountPolicyJson.Read(policy.Document).AnnualAllowance;
            ledger = await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, ct);
            if (cap is { } c && ledger.Taken + order.AllowanceReserved > c)
                return false;
        }

        foreach (var product in products)
            product.Reserve(wanted[product.Sku], now);
        ledger?.Use(order.AllowanceReserved);
        return true;
    }

    private void RefundUnwanted(Order order, CardPayment payment, DateTimeOffset now)
    {
        var refund = new Refund(order.Id, PaymentMethod.Card, $"auto:{payment.IntentId}", string.Empty, "system",
            $"payment arrived for a {order.Status.WireName()} order", false, order.Currency,
            order.Lines.Select(l => new RefundLine(l.Sku, l.Quantity, l.LineTotal)), 0m, now);
        db.Refunds.Add(refund);
        db.OutboxMessages.Add(new OutboxMessage(RefundMessage, refund.Id.ToString(), now));
        order.NoteUnwantedPayment("stripe", now, $"card payment {payment.IntentId} arrived for a {order.Status.WireName()} order; refunded in full");
    }
}
