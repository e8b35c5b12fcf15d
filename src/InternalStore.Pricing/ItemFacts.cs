using System.Runtime.CompilerServices;

namespace InternalStore.Pricing;

/// <summary>
/// What the rules say about one catalog item on one day in one currency: its rule facts, the
/// promotions in force, the external unit price and the employee floor. None of it depends on the
/// buyer, so a <see cref="PricingCatalog"/> keeps it for the next quote under the same rules; the
/// employee unit price depends only on the tier besides, so it is kept per tier once worked out.
/// </summary>
internal sealed class ItemFacts
{
    private StrongBox<decimal>?[]? _employeeUnitPrices;

    public ItemFacts(CatalogItem item, PricingRules rules, DateOnly asOf, int minorUnits)
    {
        Item = item;
        Rules = rules;
        AsOf = asOf;
        MinorUnits = minorUnits;
        Sku = rules.SkuFactsFor(item.Sku);
        Category = rules.CategoryFactsFor(item.Category);
        (ExternalPromotion, EmployeePromotion) = PricingRules.BestPromotions(Sku, Category, asOf);
        ExternalUnitPrice = PricingEngine.ExternalUnitPrice(item, ExternalPromotion, rules.Policy.Rounding, minorUnits, null);
        Floor = Math.Min(item.UnitCost * rules.FloorMultiplier, item.ListPrice);
    }

    public CatalogItem Item { get; }

    public PricingRules Rules { get; }

    public DateOnly AsOf { get; }

    public int MinorUnits { get; }

    public SkuFacts Sku { get; }

    public CategoryFacts Category { get; }

    public PromotionEntry? ExternalPromotion { get; }

    public PromotionEntry? EmployeePromotion { get; }

    /// <summary>List price less the best external promotion, rounded.</summary>
    public decimal ExternalUnitPrice { get; }

    /// <summary>Unit cost plus the minimum margin, never above list: no employee price goes below it.</summary>
    public decimal Floor { get; }

    /// <summary>The employee unit price worked out earlier for the tier at <paramref name="tierIndex"/> (-1: no tier).</summary>
    public decimal? KeptEmployeeUnitPrice(int tierIndex) =>
        Volatile.Read(ref _employeeUnitPrices) is { } kept && kept[tierIndex + 1] is { } price ? price.Value : null;

    /// <summary>Keeps the employee unit price for a tier and returns it.</summary>
    public decimal KeepEmployeeUnitPrice(int tierIndex, decimal price)
    {
        var kept = Volatile.Read(ref _employeeUnitPrices);
        if (kept is null)
        {
            kept = new StrongBox<decimal>?[Rules.Policy.Tiers.Count + 1];
            kept = Interlocked.CompareExchange(ref _employeeUnitPrices, kept, null) ?? kept;
        }

        // A decimal is not written atomically, so each price sits in its own immutable box.
        Volatile.Write(ref kept[tierIndex + 1], new StrongBox<decimal>(price));
        return price;
    }

    public bool IsFor(PricingRules rules, DateOnly asOf, int minorUnits) =>
        ReferenceEquals(Rules, rules) && AsOf == asOf && MinorUnits == minorUnits;
}
