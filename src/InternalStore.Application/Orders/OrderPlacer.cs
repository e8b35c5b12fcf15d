using System.Text.Json;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Orders;

/// <summary>A line's price agreed before placement (a quote token's, an accepted offer's) instead of the engine's own.</summary>
/// <param name="Explanation">The steps to keep with the line; null keeps the engine's.</param>
public sealed record AgreedLine(decimal UnitPrice, decimal LineTotal, decimal AllowanceTaken, IReadOnlyList<ExplanationStepDto>? Explanation);

/// <summary>
/// Places an order inside the caller's transaction: prices the lines with their rows locked,
/// refuses a quantity limit, reserves stock and allowance and writes the order. Used by
/// <see cref="PlaceOrderHandler"/> and by accepting a negotiated offer.
/// </summary>
public sealed class OrderPlacer(IStoreDb db, CartPricer pricer, OrganisationAuthority authority, TimeProvider clock,
    IOptions<OrderOptions> options, Notifications.Notifier notifier)
{
    /// <param name="agreed">Given the cart as priced now, the prices agreed for its lines (in order), or null for the engine's.</param>
    public async Task<Order> PlaceAsync(Caller caller, IReadOnlyList<QuoteLineRequest> requestLines, string idempotencyKey, string hash,
        Func<PricedCart, IReadOnlyList<AgreedLine>>? agreed, CancellationToken cancellationToken, bool notify = true)
    {
        var now = clock.GetUtcNow();
        var priced = await pricer.PriceAsync(caller, requestLines, DateOnly.FromDateTime(now.UtcDateTime),
            lockForOrder: true, cancellationToken);
        if (priced.Buyer.Kind is not { } kind)
            throw new ForbiddenException("Orders are placed by employees, department buyers and affiliate buyers.");
        var quote = priced.Quote;
        if (quote.Violations.Count > 0)
        {
            var v = quote.Violations[0];
            throw new ConflictException("quantity-limit",
                $"{v.Sku}: the quantity limit leaves {v.Remaining} unit(s) for now; the order was not placed.");
        }

        var prices = agreed?.Invoke(priced);
        var external = kind == BuyerKind.Employee ? priced.ExternalQuote() : null;
        var lines = new List<OrderLine>();
        for (var i = 0; i < quote.Lines.Count; i++)
        {
            var line = quote.Lines[i];
            var product = priced.Products[line.Sku];
            var quantity = (int)line.Quantity;
            var (unitPrice, lineTotal, allowance, explanation) = prices is null
                ? (line.UnitPrice, line.LineTotal, line.AllowanceTaken, null)
                : (prices[i].UnitPrice, prices[i].LineTotal, prices[i].AllowanceTaken, prices[i].Explanation);
            var orderLine = new OrderLine(line.Sku, product.Name, quantity, line.ListPrice, unitPrice, lineTotal,
                line.ListPrice * quantity - lineTotal, allowance,
                JsonSerializer.Serialize(explanation ?? Explanations.Of(quote, i), PricingJson.Options), product.UnitCost);
            orderLine.PricedForBenefits(external?.Lines[i].UnitPrice ?? line.ListPrice, product.SupplyKind);
            lines.Add(orderLine);
        }

        // An affiliate buys from the company its token names; failing that, from the group's parent.
        var seller = kind != BuyerKind.Affiliate ? priced.Buyer.Company!
            : OrganisationAuthority.SellerForAffiliate(caller, await authority.ChartAsync(cancellationToken))!;
        var order = Order.Place(new OrderPlacement(kind, caller.Subject, priced.Buyer.Company!, seller, priced.Buyer.CostCenter,
            quote.Currency, lines, priced.Products, priced.Ledger, now, TimeSpan.FromMinutes(options.Value.HoldMinutes),
            idempotencyKey, hash));
        db.Orders.Add(order);
        await db.WritePlacedOrderAsync(order, [.. priced.Products.Values], priced.Ledger, cancellationToken);
        if (notify)
        {
            await notifier.NotifyAsync(order.BuyerId, Domain.Notifications.NotificationKind.OrderPlaced,
                $"Order {Notifications.Receipts.ShortId(order.Id)} placed", Notifications.Receipts.OrderPlaced(order),
                $"/shop/orders/{order.Id}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return order;
    }
}
