namespace InternalStore.Pricing;

/// <summary>
/// A policy, its promotions and the transfer-pricing settings, indexed for fast lookups. Build it
/// once per change of any of them and share it: it is immutable and safe for concurrent use.
/// </summary>
public sealed class PricingRules
{
    private static readonly Promotion[] NoPromotions = [];
    private static readonly QuantityLimit[] NoLimits = [];

    private readonly Dictionary<string, CategoryRule> _categoryRules;
    private readonly Dictionary<string, Promotion[]> _promotionsBySku;
    private readonly Dictionary<string, Promotion[]> _promotionsByCategory;
    private readonly Dictionary<string, QuantityLimit[]> _limitsBySku;
    private readonly Dictionary<string, decimal> _departmentMarkups;

    private PricingRules(DiscountPolicy policy, IReadOnlyList<Promotion> promotions, TransferPricing transferPricing)
    {
        Policy = policy;
        Promotions = promotions;
        TransferPricing = transferPricing;

        _categoryRules = new Dictionary<string, CategoryRule>(StringComparer.Ordinal);
        foreach (var rule in policy.CategoryRules)
            _categoryRules.TryAdd(rule.Category, rule);

        _promotionsBySku = promotions.Where(p => p.Sku is not null)
            .GroupBy(p => p.Sku!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _promotionsByCategory = promotions.Where(p => p.Sku is null && p.Category is not null)
            .GroupBy(p => p.Category!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _limitsBySku = policy.QuantityLimits
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        _departmentMarkups = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var markup in transferPricing.CategoryMarkups)
            _departmentMarkups.TryAdd(markup.Category, markup.MarkupPercent);
    }

    /// <summary>The policy in force.</summary>
    public DiscountPolicy Policy { get; }

    /// <summary>All promotions, active or not.</summary>
    public IReadOnlyList<Promotion> Promotions { get; }

    /// <summary>Transfer-pricing settings.</summary>
    public TransferPricing TransferPricing { get; }

    /// <summary>Indexes the inputs. They must not change afterwards.</summary>
    public static PricingRules Create(DiscountPolicy policy, IReadOnlyList<Promotion> promotions,
        TransferPricing transferPricing)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(transferPricing);
        return new PricingRules(policy, promotions, transferPricing);
    }

    internal CategoryRule? CategoryRuleFor(string category) =>
        _categoryRules.TryGetValue(category, out var rule) ? rule : null;

    internal QuantityLimit[] LimitsFor(string sku) =>
        _limitsBySku.Count > 0 && _limitsBySku.TryGetValue(sku, out var limits) ? limits : NoLimits;

    internal decimal DepartmentMarkupFor(string category) =>
        _departmentMarkups.TryGetValue(category, out var markup) ? markup : TransferPricing.DefaultMarkupPercent;

    /// <summary>The highest-percent promotion for the item, audience and day; null when none applies.</summary>
    internal Promotion? BestPromotion(CatalogItem item, DateOnly asOf, bool forEmployee)
    {
        Promotion? best = null;
        if (_promotionsBySku.Count > 0 && _promotionsBySku.TryGetValue(item.Sku, out var bySku))
            best = Better(best, bySku, asOf, forEmployee);
        if (_promotionsByCategory.Count > 0 && _promotionsByCategory.TryGetValue(item.Category, out var byCategory))
            best = Better(best, byCategory, asOf, forEmployee);
        return best;
    }

    private static Promotion? Better(Promotion? best, Promotion[] candidates, DateOnly asOf, bool forEmployee)
    {
        foreach (var promotion in candidates)
        {
            var audienceMatches = promotion.Audience == PromotionAudience.All
                || promotion.Audience == (forEmployee ? PromotionAudience.Employee : PromotionAudience.External);
            if (audienceMatches && promotion.From <= asOf && asOf <= promotion.To
                && (best is null || promotion.Percent > best.Percent))
                best = promotion;
        }

        return best;
    }

    internal static Promotion[] Empty => NoPromotions;
}
