using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Benefits;

/// <summary>A company's gross profit percentage for a line of business and year, and where it comes from.</summary>
public sealed record GrossProfitPercent(decimal Percent, string Source, string? SetBy, DateTimeOffset? SetAt);

/// <summary>
/// The gross profit percentage behind the goods limit. Finance's setting for the year wins. Without
/// one, it is computed from the catalog (list price less cost over list price, over the active items
/// of that line of business): the store records no sales to external customers (the storefront sells
/// elsewhere), so the previous year's external sales cannot be read here.
/// </summary>
public sealed class GrossProfitRates(IStoreDb db)
{
    private readonly Dictionary<(string, SupplyKind, int), GrossProfitPercent> _cache = [];

    public async Task<GrossProfitPercent> ForAsync(string companyCode, SupplyKind lineOfBusiness, int year,
        CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((companyCode, lineOfBusiness, year), out var known))
            return known;
        var set = await db.GrossProfitRates.AsNoTracking()
            .Where(r => r.CompanyCode == companyCode && r.LineOfBusiness == lineOfBusiness && r.Year == year)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        GrossProfitPercent result;
        if (set is not null)
        {
            result = new GrossProfitPercent(set.Percent, "finance", set.SetBy, set.SetAt);
        }
        else
        {
            var items = await db.Products.AsNoTracking().Where(p => p.Active)
                .Select(p => new { p.Category, p.SupplyKindOverride, p.ListPrice, p.UnitCost }).ToListAsync(cancellationToken);
            var line = items.Where(p => (p.SupplyKindOverride ?? Domain.Catalog.Product.DefaultSupplyKind(p.Category)) == lineOfBusiness)
                .ToList();
            var sales = line.Sum(p => p.ListPrice);
            var percent = sales == 0 ? 0m : Math.Round((sales - line.Sum(p => p.UnitCost)) / sales * 100m, 2);
            result = new GrossProfitPercent(Math.Clamp(percent, 0m, 100m), "catalog", null, null);
        }

        _cache[(companyCode, lineOfBusiness, year)] = result;
        return result;
    }
}
