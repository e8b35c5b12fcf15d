using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Shopping;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Carts;

/// <summary>The caller's cart, priced now, with what stands in the way of ordering each line.</summary>
public sealed record GetCartQuery(Caller Caller) : IQuery<CartDto>, ICallerMessage;

public sealed class GetCartHandler(IStoreDb db, CartQuotes quotes, IOptions<PricingOptions> pricing)
    : IQueryHandler<GetCartQuery, CartDto>
{
    public async ValueTask<CartDto> Handle(GetCartQuery query, CancellationToken cancellationToken)
    {
        CartBuyers.Require(query.Caller);
        var cart = await db.Carts.AsNoTracking().Include(c => c.Items)
            .FirstOrDefaultAsync(c => c.Owner == query.Caller.Subject, cancellationToken);
        if (cart is null || cart.Items.Count == 0)
            return new CartDto([], null, false, cart?.UpdatedAt);

        var items = cart.Items.OrderBy(i => i.Position).ToList();
        var skus = items.Select(i => i.Sku).ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, StringComparer.Ordinal, cancellationToken);
        bool Sellable(CartItem item) => products.TryGetValue(item.Sku, out var p) && p.Active && p.Currency == pricing.Value.Currency;

        var priceable = items.Where(Sellable).ToList();
        var quote = priceable.Count == 0 ? null
            : await quotes.QuoteAsync(query.Caller, [.. priceable.Select(i => new QuoteLineRequest(i.Sku, i.Quantity))], cancellationToken);
        var lines = items.Select(item => Line(item, Sellable(item) ? products[item.Sku] : null, quote)).ToList();
        return new CartDto(lines, quote, lines.All(l => l.Problem is null), cart.UpdatedAt);
    }

    private static CartLineDto Line(CartItem item, Domain.Catalog.Product? product, QuoteDto? quote)
    {
        if (product is null)
            return new CartLineDto(item.Sku, null, item.Quantity, null, "not-sold", "This item is no longer sold; take it out to order the rest.");
        if (quote!.Violations.FirstOrDefault(v => v.Sku == item.Sku) is { } violation)
            return new CartLineDto(item.Sku, product.Name, item.Quantity, product.StockOnHand, violation.Rule,
                violation.Remaining == 0
                    ? "You have reached the quantity limit for this item for now."
                    : $"The quantity limit leaves you {violation.Remaining} for now: lower the quantity to order.");
        if (product.StockOnHand < item.Quantity)
            return new CartLineDto(item.Sku, product.Name, item.Quantity, product.StockOnHand, "insufficient-stock",
                product.StockOnHand == 0 ? "Out of stock." : $"Only {product.StockOnHand} in stock: lower the quantity to order.");
        return new CartLineDto(item.Sku, product.Name, item.Quantity, product.StockOnHand, null, null);
    }
}
