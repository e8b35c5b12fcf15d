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
public sealed class CartPricer(IStoreDb db, PricingFacts facts, IOptions<PricingOptions> options)
{
    public async Task<PricedCart> PriceAsync(Caller caller, IReadOnlyList<QuoteLineRequest> requestLines, DateOnly asOf,
        bool lockForOrder, CancellationToken cancellationToken)
    {
        var currency = options.Value.Currency;
        var lines = requestLines.Select(l => new CartLine(l.Sku!, l.Quantity!.Value)).ToList();
        // Who buys and under which rules needs no lock: load it first, so row locks are held briefly.
        var buyer = await ResolveBuyerAsync(caller, asOf, cancellationToken);
        var rules = await facts.RulesAsync(buyer.Company, asOf, cancellationToken);

        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var products = (lockForOrder
                ? await db.LockProductsAsync(skus, cancellationToken)
                : await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToListAsync(cancellationToken))
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
            else
            {
                var (used, reserved) = await facts.AllowanceAsync(employee.Id, asOf.Year, cancellationToken);
                taken = used + reserved;
            }

            var purchases = await facts.PurchasesAsync(employee.Id, asOf, PricingFacts.LongestWindow(rules.Policy),
                cancellationToken);
            buyer = buyer with { Buyer = PricingFacts.ToBuyer(employee, asOf, taken, purchases) };
        }

        var catalog = new PricingCatalog(products.Values.Select(p =>
            new CatalogItem(p.Sku, p.Category, p.ListPrice, p.UnitCost, p.EmployeeDiscount)));
        var request = new PricingRequest(rules, catalog, buyer.Buyer, lines, asOf, currency);
        var result = PricingEngine.Price(request);
        if (!result.IsSuccess)
            throw ToValidationError(result.Error);
        return new PricedCart(result.Quote, products, buyer, ledger, request);
    }

    /// <summary>
    /// Storefront keys and callers without a buying role are external. An employee on the roster is
    /// priced by the policy of their company (the engine decides eligibility); a department buyer pays
    /// the transfer price, an affiliate buyer the intercompany price.
    /// </summary>
    private async Task<CartBuyer> ResolveBuyerAsync(Caller caller, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (caller.IsStorefront)
            return new CartBuyer(ExternalBuyer.Instance, null, null, null, null);
        if (caller.IsInRole(Roles.Employee) && await facts.EmployeeAsync(caller.Subject, cancellationToken) is { } employee)
            return new CartBuyer(PricingFacts.ToBuyer(employee, asOf), BuyerKind.Employee, employee.CompanyCode,
                employee.CostCenterCode, employee);
        if (caller.IsInRole(Roles.DepartmentBuyer) && caller.CostCenter is not null && caller.Company is not null)
            return new CartBuyer(new DepartmentBuyer(caller.CostCenter), BuyerKind.Department, caller.Company,
                caller.CostCenter, null);
        if (caller.IsInRole(Roles.AffiliateBuyer) && caller.Affiliate is not null)
            return new CartBuyer(new AffiliateBuyer(caller.Affiliate), BuyerKind.Affiliate, caller.Affiliate, null, null);
        return new CartBuyer(ExternalBuyer.Instance, null, caller.Company, null, null);
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
