using InternalStore.Application.Common;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Pricing;

/// <summary>Who the caller buys as, and for which company.</summary>
public sealed record CartBuyer(Buyer Buyer, BuyerKind? Kind, string? Company, string? CostCenter, Employee? Employee);

/// <summary>A cart priced by the engine, with the facts it was priced from.</summary>
public sealed record PricedCart(PriceQuote Quote, IReadOnlyDictionary<string, Product> Products, CartBuyer Buyer,
    AllowanceLedger? Ledger, PricingRequest Request)
{
    /// <summary>The same cart priced for an external customer: what an employee's benefit is measured against.</summary>
    public PriceQuote? ExternalQuote()
    {
        var result = PricingEngine.Price(Request with { Buyer = ExternalBuyer.Instance });
        return result.IsSuccess ? result.Quote : null;
    }
}

/// <summary>
/// Loads everything a cart's price depends on and runs the engine: for a quote as a plain read,
/// for an order with the cart's product rows and the employee's allowance ledger locked until the
/// transaction ends, so the price and the reservations agree under concurrency.
/// </summary>
public sealed class CartPricer(IStoreDb db, PricingFacts facts, ReadCache cache, IOptions<PricingOptions> options)
{
    /// <param name="withAgreements">False prices a department or affiliate at the standard transfer price, leaving out its agreements.</param>
    public async Task<PricedCart> PriceAsync(Caller caller, IReadOnlyList<QuoteLineRequest> requestLines, DateOnly asOf,
        bool lockForOrder, CancellationToken cancellationToken, bool withAgreements = true)
    {
        var currency = options.Value.Currency;
        var lines = requestLines.Select(l => new CartLine(l.Sku!, l.Quantity!.Value)).ToList();
        // Who buys and under which rules needs no lock: load it first, so row locks are held briefly.
        // Rules come from the read cache (this process empties it when a rule changes). The buyer and
        // the products of an order are read (and locked) fresh: stock, status and allowance must be exact.
        var buyer = await ResolveBuyerAsync(caller, asOf, cached: !lockForOrder, cancellationToken);
        var rules = await cache.GetOrAddAsync($"rules:{buyer.Company}:{asOf:yyyy-MM-dd}",
            ct => facts.RulesAsync(buyer.Company, asOf, ct), cancellationToken);

        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var products = (lockForOrder
                ? await db.LockProductsAsync(skus, cancellationToken)
                : await CachedProductsAsync(skus, cancellationToken))
            .Where(p => p.Active)
            .ToDictionary(p => p.Sku, StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (products.TryGetValue(lines[i].Sku, out var product) && product.Currency != currency)
                throw new DomainValidationException("unsupported-currency", $"lines[{i}].sku",
                    $"{product.Sku} is priced in {product.Currency}; this store quotes in {currency}.");
        }

        AllowanceLedger? ledger = null;
        if (buyer.Employee is { } employee)
        {
            decimal taken;
            if (lockForOrder)
            {
                ledger = await db.LockAllowanceLedgerAsync(employee.Id, asOf.Year, cancellationToken);
                taken = ledger.Taken;
            }
            else if (rules.Policy.AnnualAllowance is null)
            {
                taken = 0m; // no cap: what was taken does not change a price
            }
            else
            {
                // A quote may read the buyer's use from the cache (emptied when this process commits an
                // order or ledger change); an order locks the ledger instead, so it never trusts a stale one.
                var (used, reserved) = await cache.GetOrAddAsync($"allowance:{employee.Id}:{asOf.Year}",
                    ct => facts.AllowanceAsync(employee.Id, asOf.Year, ct), cancellationToken, CacheRegion.Usage);
                taken = used + reserved;
            }

            // Past purchases matter only to quantity limits on the cart's SKUs.
            var limited = rules.Policy.QuantityLimits.Any(l => products.ContainsKey(l.Sku));
            var window = PricingFacts.LongestWindow(rules.Policy);
            var purchases = !limited ? []
                : lockForOrder ? await facts.PurchasesAsync(employee.Id, asOf, window, cancellationToken)
                : await cache.GetOrAddAsync($"purchases:{employee.Id}:{asOf:yyyy-MM-dd}:{window}",
                    ct => facts.PurchasesAsync(employee.Id, asOf, window, ct), cancellationToken, CacheRegion.Usage);
            buyer = buyer with { Buyer = PricingFacts.ToBuyer(employee, asOf, taken, purchases) };
        }

        if (withAgreements && buyer.Buyer is DepartmentBuyer or AffiliateBuyer)
        {
            // An order reads the agreements fresh; a quote may take them from the cache (emptied when this process changes one).
            var agreed = lockForOrder ? await facts.AgreementsAsync(caller, buyer, asOf, cancellationToken)
                : await cache.GetOrAddAsync($"agreements:{buyer.Kind}:{caller.Company}:{buyer.Company}:{buyer.CostCenter}:{asOf:yyyy-MM-dd}",
                    ct => facts.AgreementsAsync(caller, buyer, asOf, ct), cancellationToken);
            buyer = buyer with
            {
                Buyer = buyer.Buyer switch
                {
                    DepartmentBuyer department => department with { Agreements = agreed },
                    AffiliateBuyer affiliate => affiliate with { Agreements = agreed },
                    var other => other,
                },
            };
        }

        var catalog = new PricingCatalog(products.Values.Select(p =>
            new CatalogItem(p.Sku, p.Category, p.ListPrice, p.UnitCost, p.EmployeeDiscount)));
        var request = new PricingRequest(rules, catalog, buyer.Buyer, lines, asOf, currency);
        var result = PricingEngine.Price(request);
        if (!result.IsSuccess)
            throw ToValidationError(result.Error);
        return new PricedCart(result.Quote, products, buyer, ledger, request);
    }

    /// <summary>Who the caller buys as today (read from the cache like a quote).</summary>
    public Task<CartBuyer> BuyerAsync(Caller caller, DateOnly asOf, CancellationToken cancellationToken) =>
        ResolveBuyerAsync(caller, asOf, cached: true, cancellationToken);

    /// <summary>
    /// Storefront keys and callers without a buying role are external. An employee on the roster is
    /// priced by the policy of their company (the engine decides eligibility); a department buyer pays
    /// the transfer price, an affiliate buyer the intercompany price.
    /// </summary>
    private async Task<CartBuyer> ResolveBuyerAsync(Caller caller, DateOnly asOf, bool cached, CancellationToken cancellationToken)
    {
        if (caller.IsStorefront)
            return new CartBuyer(ExternalBuyer.Instance, null, null, null, null);
        var employee = !caller.IsInRole(Roles.Employee) ? null
            : cached ? await cache.GetOrAddAsync($"employee:{caller.Subject}", ct => facts.EmployeeAsync(caller.Subject, ct), cancellationToken)
            : await facts.EmployeeAsync(caller.Subject, cancellationToken);
        if (employee is not null)
            return new CartBuyer(PricingFacts.ToBuyer(employee, asOf), BuyerKind.Employee, employee.CompanyCode,
                employee.CostCenterCode, employee);
        if (caller.IsInRole(Roles.DepartmentBuyer) && caller.CostCenter is not null && caller.Company is not null)
            return new CartBuyer(new DepartmentBuyer(caller.CostCenter), BuyerKind.Department, caller.Company,
                caller.CostCenter, null);
        if (caller.IsInRole(Roles.AffiliateBuyer) && caller.Affiliate is not null)
            return new CartBuyer(new AffiliateBuyer(caller.Affiliate), BuyerKind.Affiliate, caller.Affiliate, null, null);
        return new CartBuyer(ExternalBuyer.Instance, null, caller.Company, null, null);
    }

    /// <summary>Catalog facts for a quote, one cache entry per SKU (a product that does not exist is cached as such too).</summary>
    private async Task<List<Product>> CachedProductsAsync(List<string> skus, CancellationToken cancellationToken)
    {
        if (!cache.Enabled)
            return await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken);
        var found = new List<Product>(skus.Count);
        foreach (var sku in skus)
        {
            var product = await cache.GetOrAddAsync($"product:{sku}",
                ct => db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, ct), cancellationToken);
            if (product is not null)
                found.Add(product);
        }

        return found;
    }

    private static DomainValidationException ToValidationError(PricingError error)
    {
        var field = error.Code switch
        {
            "invalid-quantity" => $"lines[{error.LineIndex}].quantity",
            _ when error.LineIndex >= 0 => $"lines[{error.LineIndex}].sku",
            _ => "currency",
        };
        return new DomainValidationException(error.Code, field, error.Message);
    }
}
