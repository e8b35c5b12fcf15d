namespace InternalStore.Pricing;

/// <summary>The catalog facts the engine needs about one SKU. Amounts are in the quote's currency.</summary>
/// <param name="Sku">Stock-keeping unit, the item's key.</param>
/// <param name="Category">Category slug, e.g. <c>electronics</c>.</param>
/// <param name="ListPrice">Price an external buyer pays before promotions.</param>
/// <param name="UnitCost">The company's cost of one unit.</param>
/// <param name="EmployeeDiscount">False for items that never get the employee percent (promotions still apply).</param>
public sealed record CatalogItem(string Sku, string Category, decimal ListPrice, decimal UnitCost, bool EmployeeDiscount = true);

/// <summary>Looks up catalog facts by SKU. Implementations must be safe for concurrent reads.</summary>
public interface IPricingCatalog
{
    /// <summary>Finds the item with the given SKU.</summary>
    bool TryGetItem(string sku, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogItem? item);
}

/// <summary>
/// An in-memory catalog keyed by SKU (ordinal, case-sensitive). It also keeps, per item, what the
/// engine last worked out for it (promotions in force, external price, floor) under one set of
/// rules, day and currency, so repeated quotes under the same rules skip that work. Safe for
/// concurrent quotes.
/// </summary>
public sealed class PricingCatalog : IPricingCatalog
{
    private readonly Dictionary<string, int> _index;
    private readonly CatalogItem[] _items;
    private readonly ItemFacts?[] _facts;

    /// <summary>Builds the catalog; a later item with the same SKU replaces an earlier one.</summary>
    public PricingCatalog(IEnumerable<CatalogItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<CatalogItem>();
        foreach (var item in items)
        {
            if (_index.TryGetValue(item.Sku, out var at))
                list[at] = item;
            else
            {
                _index.Add(item.Sku, list.Count);
                list.Add(item);
            }
        }

        _items = [.. list];
        _facts = new ItemFacts?[_items.Length];
    }

    /// <summary>Number of items.</summary>
    public int Count => _items.Length;

    /// <inheritdoc />
    public bool TryGetItem(string sku, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogItem? item)
    {
        if (_index.TryGetValue(sku, out var at))
        {
            item = _items[at];
            return true;
        }

        item = null;
        return false;
    }

    /// <summary>The item's facts under these rules, day and currency: the kept ones when they match, else new ones kept instead.</summary>
    internal bool TryGetFacts(string sku, PricingRules rules, DateOnly asOf, int minorUnits,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ItemFacts? facts)
    {
        if (!_index.TryGetValue(sku, out var at))
        {
            facts = null;
            return false;
        }

        facts = Volatile.Read(ref _facts[at]);
        if (facts is null || !facts.IsFor(rules, asOf, minorUnits))
        {
            facts = new ItemFacts(_items[at], rules, asOf, minorUnits);
            // Facts are immutable; two quotes racing here just work them out twice.
            Volatile.Write(ref _facts[at], facts);
        }

        return true;
    }
}

/// <summary>A discount tier. It matches when both of its conditions hold; an absent condition always holds.</summary>
/// <param name="Id">Stable id, used in explanations.</param>
/// <param name="Percent">Employee discount percent, 0..100.</param>
/// <param name="MinGrade">Lowest grade that qualifies.</param>
/// <param name="MinTenureMonths">Fewest full months of service that qualify.</param>
public sealed record Tier(string Id, decimal Percent, int? MinGrade = null, int? MinTenureMonths = null);

/// <summary>
/// A category rule: <paramref name="Exclude"/> sets the employee percent to 0, <paramref name="Percent"/>
/// replaces the tier percent, <paramref name="MaxPercent"/> caps it. The first rule naming a category wins.
/// </summary>
/// <param name="Category">The category the rule applies to.</param>
/// <param name="Exclude">No employee discount in this category.</param>
/// <param name="Percent">Employee percent for this category instead of the tier's.</param>
/// <param name="MaxPercent">Upper bound of the employee percent in this category.</param>
public sealed record CategoryRule(string Category, bool Exclude = false, decimal? Percent = null, decimal? MaxPercent = null);

/// <summary>Anti-resale limit: at most <paramref name="MaxUnits"/> of a SKU within <paramref name="WindowDays"/> days.</summary>
/// <param name="Sku">The limited SKU.</param>
/// <param name="MaxUnits">Units allowed in the window, including this cart.</param>
/// <param name="WindowDays">Length of the window in days; a purchase counts when 0 &lt;= asOf - date &lt; window.</param>
public sealed record QuantityLimit(string Sku, int MaxUnits, int WindowDays);

/// <summary>How a promotion combines with the employee percent.</summary>
public enum PromotionStacking
{
    /// <summary>The larger of the two percents applies.</summary>
    Best,

    /// <summary>Both apply, one after the other.</summary>
    Compound,
}

/// <summary>The HR discount policy in force for the buyer's company.</summary>
public sealed record DiscountPolicy
{
    /// <summary>Tiers in policy order; the first that matches gives the employee percent.</summary>
    public IReadOnlyList<Tier> Tiers { get; init; } = [];

    /// <summary>Days from hire before an employee is eligible.</summary>
    public int ProbationDays { get; init; }

    /// <summary>Category rules in policy order.</summary>
    public IReadOnlyList<CategoryRule> CategoryRules { get; init; } = [];

    /// <summary>The floor is unit cost x (1 + this / 100).</summary>
    public decimal MinMarginPercent { get; init; }

    /// <summary>Largest benefit an employee gets in a calendar year; null means no cap.</summary>
    public decimal? AnnualAllowance { get; init; }

    /// <summary>Anti-resale limits.</summary>
    public IReadOnlyList<QuantityLimit> QuantityLimits { get; init; } = [];

    /// <summary>How promotions and the employee percent combine.</summary>
    public PromotionStacking PromotionStacking { get; init; } = PromotionStacking.Best;

    /// <summary>How every price is rounded to the currency's minor unit.</summary>
    public RoundingMode Rounding { get; init; } = RoundingMode.HalfUp;
}

/// <summary>Who a promotion is for.</summary>
public enum PromotionAudience
{
    /// <summary>Everyone.</summary>
    All,

    /// <summary>External buyers (and employees priced as external).</summary>
    External,

    /// <summary>Eligible employees.</summary>
    Employee,
}

/// <summary>A percentage promotion on one SKU or one category, valid from..to inclusive.</summary>
/// <param name="Id">Stable id, used in explanations.</param>
/// <param name="Percent">Discount percent, 0..100.</param>
/// <param name="Audience">Who gets it.</param>
/// <param name="From">First day it applies.</param>
/// <param name="To">Last day it applies.</param>
/// <param name="Sku">The SKU it names, or null when it names a category.</param>
/// <param name="Category">The category it names, or null when it names a SKU.</param>
public sealed record Promotion(string Id, decimal Percent, PromotionAudience Audience, DateOnly From, DateOnly To,
    string? Sku = null, string? Category = null);

/// <summary>A department markup for one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="MarkupPercent">Markup over unit cost.</param>
public sealed record CategoryMarkup(string Category, decimal MarkupPercent);

/// <summary>Transfer-pricing settings: departments pay cost plus a markup, affiliates cost plus the intercompany markup.</summary>
/// <param name="DefaultMarkupPercent">Department markup where no category markup applies.</param>
/// <param name="CategoryMarkups">Department markups per category (first entry per category wins).</param>
/// <param name="IntercompanyMarkupPercent">Markup for affiliates, whatever the category.</param>
public sealed record TransferPricing(decimal DefaultMarkupPercent, IReadOnlyList<CategoryMarkup> CategoryMarkups,
    decimal IntercompanyMarkupPercent);

/// <summary>Whether an employee is still employed.</summary>
public enum EmploymentStatus
{
    /// <summary>Employed.</summary>
    Active,

    /// <summary>No longer employed: priced as external.</summary>
    Terminated,
}

/// <summary>A past purchase that counts toward quantity limits.</summary>
/// <param name="Sku">What was bought.</param>
/// <param name="Units">How many.</param>
/// <param name="Date">When.</param>
public readonly record struct PastPurchase(string Sku, int Units, DateOnly Date);

/// <summary>Who is buying. Use one of the derived records.</summary>
public abstract record Buyer
{
    private protected Buyer()
    {
    }
}

/// <summary>Anyone outside the group, such as a storefront customer.</summary>
public sealed record ExternalBuyer : Buyer
{
    /// <summary>The one external buyer.</summary>
    public static ExternalBuyer Instance { get; } = new();
}

/// <summary>An employee with their usage so far.</summary>
/// <param name="Grade">HR grade.</param>
/// <param name="HireDate">Latest hire date.</param>
/// <param name="Status">Active or terminated.</param>
/// <param name="AllowanceUsed">Benefit already taken this calendar year.</param>
/// <param name="Purchases">Past purchases of limited SKUs (older ones may be left out).</param>
public sealed record EmployeeBuyer(int Grade, DateOnly HireDate, EmploymentStatus Status, decimal AllowanceUsed,
    IReadOnlyList<PastPurchase> Purchases) : Buyer;

/// <summary>A cost centre of the selling company, paying the transfer price.</summary>
/// <param name="CostCenter">Cost centre code.</param>
public sealed record DepartmentBuyer(string CostCenter) : Buyer
{
    /// <summary>Prices this cost centre negotiated (none by default).</summary>
    public AgreedPrices Agreements { get; init; } = AgreedPrices.None;
}

/// <summary>Another company of the group, paying the intercompany price.</summary>
/// <param name="Company">Buying company's code.</param>
public sealed record AffiliateBuyer(string Company) : Buyer
{
    /// <summary>Prices this company negotiated with the seller (none by default).</summary>
    public AgreedPrices Agreements { get; init; } = AgreedPrices.None;
}

/// <summary>A standing price agreement for one SKU, in force from..to inclusive.</summary>
/// <param name="Id">The agreement's number, used in explanations ("negotiated agreement 7").</param>
/// <param name="Sku">The SKU it prices.</param>
/// <param name="UnitPrice">The agreed unit price, in whole minor units.</param>
/// <param name="From">First day it applies.</param>
/// <param name="To">Last day it applies.</param>
public sealed record AgreedPrice(string Id, string Sku, decimal UnitPrice, DateOnly From, DateOnly To)
{
    /// <summary>Whether it applies on the day.</summary>
    public bool InForceOn(DateOnly day) => From <= day && day <= To;
}

/// <summary>
/// A department's or affiliate's standing agreements with the seller, and the seller's minimum
/// negotiated markup: an agreed price never goes below unit cost x (1 + that / 100), rounded up,
/// even when the cost rises after the agreement was made; nor above the standard transfer price.
/// </summary>
/// <param name="MinimumMarkupPercent">The seller's minimum negotiated markup, percent.</param>
/// <param name="Prices">The agreements; the first in force for a SKU on the day applies.</param>
public sealed record AgreedPrices(decimal MinimumMarkupPercent, IReadOnlyList<AgreedPrice> Prices)
{
    /// <summary>No agreements.</summary>
    public static AgreedPrices None { get; } = new(0m, []);

    /// <summary>The agreement in force for the SKU on the day, if any.</summary>
    public AgreedPrice? For(string sku, DateOnly day)
    {
        foreach (var price in Prices)
        {
            if (string.Equals(price.Sku, sku, StringComparison.Ordinal) && price.InForceOn(day))
                return price;
        }

        return null;
    }
}

/// <summary>One cart line. A quantity that is not an integer of at least 1 is an <c>invalid-quantity</c> error.</summary>
/// <param name="Sku">What to buy.</param>
/// <param name="Quantity">How many.</param>
public readonly record struct CartLine(string Sku, long Quantity);
