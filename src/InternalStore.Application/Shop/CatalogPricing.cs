using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Application.Pricing;
using InternalStore.Pricing;

namespace InternalStore.Application.Shop;

/// <summary>
/// Prices a page of products for the caller with one engine call (each product one unit). A unit's
/// price is the line's, plus what of its saving the caller's remaining allowance cannot cover: what one
/// unit bought alone would cost.
/// </summary>
public sealed class CatalogPricing(CartPricer pricer, TimeProvider clock)
{
    public async Task<(IReadOnlyList<ShopProductDto> Items, string PricedAs, string Currency)> PriceAsync(Caller caller,
        IReadOnlyList<ProductDto> products, IReadOnlyList<QuantityLimitUsageDto> limits, string currency, CancellationToken ct)
    {
        if (products.Count == 0)
        {
            var buyer = await pricer.BuyerAsync(caller, Today(), ct);
            return ([], PricedAsOf(buyer.Buyer), currency);
        }

        var priced = await pricer.PriceAsync(caller, [.. products.Select(p => new QuoteLineRequest(p.Sku, 1))], Today(),
            lockForOrder: false, ct);
        var quote = priced.Quote;
        var remaining = RemainingAllowance(priced.Request);
        var items = new List<ShopProductDto>(products.Count);
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            var line = quote.Lines[i];
            var saving = Math.Max(0m, line.ExternalUnitPrice - line.UnitPrice);
            var price = quote.PricedAs == PricedAs.Employee ? line.UnitPrice + Math.Max(0m, saving - remaining) : line.UnitPrice;
            items.Add(new ShopProductDto(product.Sku, product.Name, product.Category,
                Currencies.ToMinorUnitScale(product.ListPrice, currency), Currencies.ToMinorUnitScale(price, currency),
                StockOf(product), product.StockOnHand, limits.FirstOrDefault(l => l.Sku == product.Sku)));
        }

        return (items, quote.PricedAs.WireName(), quote.Currency);
    }

    public const int FewLeft = 5;

    public static string StockOf(ProductDto product) =>
        product.StockOnHand <= 0 ? "outOfStock" : product.StockOnHand <= FewLeft ? "low" : "inStock";

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static decimal RemainingAllowance(PricingRequest request) =>
        request.Rules.Policy.AnnualAllowance is { } cap && request.Buyer is EmployeeBuyer employee
            ? Math.Max(0m, cap - employee.AllowanceUsed)
            : decimal.MaxValue;

    private static string PricedAsOf(Buyer buyer) => buyer switch
    {
        EmployeeBuyer => "employee",
        DepartmentBuyer => "department",
        AffiliateBuyer => "affiliate",
        _ => "external",
    };
}
