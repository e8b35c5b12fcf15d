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
public sealed class CardPaymentOutcomes(IStoreDb db, PricingFacts facts, TimeProvider clock, OrderPayments payments,
    Methods.CardMethod card)
{
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
                await payments.PaidAsync(order, "stripe", now, $"card payment {intent.Id} succeeded", ct);
                return "paid";
            case OrderStatus.Expired when await TryTakeBackReservationsAsync(order, now, ct):
                await payments.PaidAsync(order, "stripe", now,
                    $"card payment {intent.Id} arrived after the hold ran out; stock taken again", ct);
                return "paid after expiry";
            case OrderStatus.Expired or OrderStatus.Cancelled:
                await RefundUnwantedAsync(order, payment, now, ct);
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
        ledger?.Reserve(order.AllowanceReserved);
        return true;
    }

    /// <summary>The money goes back the way it came; the order, never paid, keeps its status.</summary>
    private async Task RefundUnwantedAsync(Order order, CardPayment payment, DateTimeOffset now, CancellationToken ct)
    {
        var refund = new Refund(order.Id, card.Method, card.RefundsThroughProvider, $"auto:{payment.IntentId}", string.Empty,
            "system", $"payment arrived for a {order.Status.WireName()} order", false, order.Currency,
            order.Lines.Select(l => new RefundLine(l.Sku, l.Quantity, l.LineTotal)), 0m, now);
        db.Refunds.Add(refund);
        await card.SettleRefundAsync(order, refund, 0m, now, ct);
        order.NoteUnwantedPayment("stripe", now, $"card payment {payment.IntentId} arrived for a {order.Status.WireName()} order; refunded in full");
    }
}
