namespace InternalStore.Pricing;

/// <summary>
/// A policy, its promotions and the transfer-pricing settings, indexed for fast lookups. Build it
/// once per change of any of them and share it: it is immutable and safe for concurrent use.
/// </summary>
public sealed class PricingRules
{
    private static readonly SkuFacts NoSkuFacts = new([], []);

    private readonly Dictionary<string, CategoryFacts> _categories;
    private readonly Dictionary<string, SkuFacts> _skus;
    private readonly CategoryFacts _uncategorised;

    private PricingRules(DiscountPolicy policy, IReadOnlyList<Promotion> promotions, TransferPricing transferPricing)
    {
        Policy = policy;
        Promotions = promotions;
        TransferPricing = transferPricing;
        FloorMultiplier = 1m + policy.MinMarginPercent * 0.01m;

        var categoryNames = policy.CategoryRules.Select(r => r.Category)
            .Concat(promotions.Where(p => p.Sku is null && p.Category is not null).Select(p => p.Category!))
            .Concat(transferPricing.CategoryMarkups.Select(m => m.Category))
            .Distinct(StringComparer.Ordinal);
        _categories = categoryNames.ToDictionary(c => c, c => new CategoryFacts(
            policy.CategoryRules.FirstOrDefault(r => r.Category == c),
            [.. promotions.Where(p => p.Sku is null && p.Category == c).Select(p => new PromotionEntry(p))],
            transferPricing.CategoryMarkups.FirstOrDefault(m => m.Category == c)?.MarkupPercent
                ?? transferPricing.DefaultMarkupPercent), StringComparer.Ordinal);
        _uncategorised = new CategoryFacts(null, [], transferPricing.DefaultMarkupPercent);

        var skuNames = promotions.Where(p => p.Sku is not null).Select(p => p.Sku!)
            .Concat(policy.QuantityLimits.Select(l => l.Sku))
            .Distinct(StringComparer.Ordinal);
        _skus = skuNames.ToDictionary(s => s, s => new SkuFacts(
            [.. promotions.Where(p => p.Sku == s).Select(p => new PromotionEntry(p))],
            [.. policy.QuantityLimits.Where(l => l.Sku == s)]), StringComparer.Ordinal);
    }

    /// <summary>The policy in force.</summary>
    public DiscountPolicy Policy { get; }

    /// <summary>All promotions, active or not.</summary>
    public IReadOnlyList<Promotion> Promotions { get; }

    /// <summary>Transfer-pricing settings.</summary>
    public TransferPricing TransferPricing { get; }

    /// <summary>1 + minimum margin, as a fraction: floor = unit cost x this.</summary>
    internal decimal FloorMultiplier { get; }

    /// <summary>
    /// The lowest price a negotiation may reach: unit cost x (1 + minimum negotiated markup / 100),
    /// rounded up to the minor unit, so a price at the floor is never below cost-plus.
    /// </summary>
    public static decimal NegotiatedFloor(decimal unitCost, decimal minimumMarkupPercent, int minorUnits)
    {
        var scale = Currencies.Pow10(minorUnits);
        return Math.Ceiling(unitCost * (1m + minimumMarkupPercent / 100m) * scale) / scale;
    }

    /// <summary>Indexes the inputs. They must not change afterwards.</summary>
    public static PricingRules Create(DiscountPolicy policy, IReadOnlyList<Promotion> promotions,
        TransferPricing transferPricing)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(transferPricing);
        return new PricingRules(policy, promotions, transferPricing);
    }

    /// <summary>The price multiplier of an employee percent: 1 - percent / 100, the one formula for it.</summary>
    internal static decimal Multiplier(decimal percent) => 1m - percent * 0.01m;

    internal CategoryFacts CategoryFactsFor(string category) =>
        _categories.TryGetValue(category, out var facts) ? facts : _uncategorised;

    internal SkuFacts SkuFactsFor(string sku) =>
        _skus.Count > 0 && _skus.TryGetValue(sku, out var facts) ? facts : NoSkuFacts;

    /// <summary>The highest-percent promotions that apply on <paramref name="asOf"/>, for external buyers and for employees.</summary>
    internal static (PromotionEntry? External, PromotionEntry? Employee) BestPromotions(SkuFacts sku,
        CategoryFacts category, DateOnly asOf)
    {
        PromotionEntry? external = null, employee = null;
        Consider(sku.Promotions, asOf, ref external, ref employee);
        Consider(category.Promotions, asOf, ref external, ref employee);
        return (external, employee);
    }

    private static void Consider(PromotionEntry[] candidates, DateOnly asOf, ref PromotionEntry? external,
        ref PromotionEntry? employee)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            var promotion = candidates[i];
            if (promotion.From > asOf || asOf > promotion.To)
                continue;
            if (promotion.Audience != PromotionAudience.Employee && (external is null || promotion.Percent > external.Percent))
                external = promotion;
            if (promotion.Audience != PromotionAudience.External && (employee is null || promotion.Percent > employee.Percent))
                employee = promotion;
        }
    }
}

/// <summary>What the rules say about one category: its rule, its promotions, its department markup.</summary>
internal sealed record CategoryFacts(CategoryRule? Rule, PromotionEntry[] Promotions, decimal DepartmentMarkupPercent)
{
    /// <summary>1 - the rule's replacement percent, worked out once (as the engine would per line).</summary>
    public decimal ReplacementMultiplier { get; } = Rule?.Percent is { } percent ? PricingRules.Multiplier(percent) : 1m;

    /// <summary>1 - the rule's maximum percent, worked out once.</summary>
    public decimal MaxMultiplier { get; } = Rule?.MaxPercent is { } max ? PricingRules.Multiplier(max) : 1m;
}

/// <summary>What the rules say about one SKU: its promotions and quantity limits.</summary>
internal sealed record SkuFacts(PromotionEntry[] Promotions, QuantityLimit[] Limits);

/// <summary>A promotion with its price multiplier worked out once.</summary>
internal sealed class PromotionEntry(Promotion promotion)
{
    public string Id { get; } = promotion.Id;
    public decimal Percent { get; } = promotion.Percent;
    public decimal Multiplier { get; } = PricingRules.Multiplier(promotion.Percent);
    public PromotionAudience Audience { get; } = promotion.Audience;
    public DateOnly From { get; } = promotion.From;
    public DateOnly To { get; } = promotion.To;
}
