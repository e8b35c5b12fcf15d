using System.Buffers;
using System.Globalization;

namespace InternalStore.Pricing;

/// <summary>
/// Prices a cart for a buyer on a day, following the InternalStore pricing rules. No clock, no I/O;
/// the one thing kept between calls is what a <see cref="PricingCatalog"/> remembers per item for
/// the last rules, day and currency, which changes no result. Safe to call from many threads at once.
/// </summary>
public static class PricingEngine
{
    private const int LinearDuplicateScanLimit = 32;
    private static readonly decimal NoDiscount = PricingRules.Multiplier(0m);
    private static readonly Violation[] NoViolations = [];

    /// <summary>Prices <paramref name="request"/>, or says which line makes it unpriceable.</summary>
    public static PricingResult Price(PricingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Currencies.TryGetMinorUnits(request.Currency, out var minorUnits))
            return PricingResult.Failure(new PricingError("unsupported-currency", -1,
                $"Currency '{request.Currency}' is not supported."));

        var count = request.Lines.Count;
        if (count <= SmallCart.Size)
        {
            // A usual cart's facts fit on the stack: no pool round trip.
            var small = default(SmallCart);
            return Price(request, ((Span<ItemFacts>)small)[..count], minorUnits);
        }

        var items = ArrayPool<ItemFacts>.Shared.Rent(count);
        try
        {
            return Price(request, items.AsSpan(0, count), minorUnits);
        }
        finally
        {
            Array.Clear(items, 0, count);
            ArrayPool<ItemFacts>.Shared.Return(items);
        }
    }

    private static PricingResult Price(PricingRequest request, Span<ItemFacts> items, int minorUnits)
    {
        var error = ResolveLines(request, items, minorUnits);
        return error is null
            ? PricingResult.Success(PriceLines(request, items, minorUnits))
            : PricingResult.Failure(error);
    }

    [System.Runtime.CompilerServices.InlineArray(Size)]
    private struct SmallCart
    {
        public const int Size = 16;
        private ItemFacts _first;
    }

    /// <summary>Convenience for one-off quotes: indexes the rules, then prices.</summary>
    public static PricingResult Price(DiscountPolicy policy, IReadOnlyList<Promotion> promotions,
        TransferPricing transferPricing, IPricingCatalog catalog, Buyer buyer, IReadOnlyList<CartLine> lines,
        DateOnly asOf, string currency) =>
        Price(new PricingRequest(PricingRules.Create(policy, promotions, transferPricing), catalog, buyer, lines, asOf,
            currency));

    /// <summary>Full months of service: 2021-02-11 to 2026-02-10 is 59, 2021-01-31 to 2021-02-28 is 0.</summary>
    public static int TenureMonths(DateOnly hireDate, DateOnly asOf)
    {
        var months = 12 * (asOf.Year - hireDate.Year) + (asOf.Month - hireDate.Month);
        return asOf.Day < hireDate.Day ? months - 1 : months;
    }

    /// <summary>Active, and the probation period is over.</summary>
    public static bool IsEligible(EmployeeBuyer employee, DiscountPolicy policy, DateOnly asOf) =>
        employee.Status == EmploymentStatus.Active && asOf.DayNumber - employee.HireDate.DayNumber >= policy.ProbationDays;

    /// <summary>The first tier, in policy order, whose conditions the employee meets.</summary>
    public static Tier? TierFor(EmployeeBuyer employee, DiscountPolicy policy, DateOnly asOf) =>
        TierIndexFor(employee, policy, asOf) is var index and >= 0 ? policy.Tiers[index] : null;

    private static int TierIndexFor(EmployeeBuyer employee, DiscountPolicy policy, DateOnly asOf)
    {
        var months = TenureMonths(employee.HireDate, asOf);
        var tiers = policy.Tiers;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if ((tier.MinGrade is null || employee.Grade >= tier.MinGrade)
                && (tier.MinTenureMonths is null || months >= tier.MinTenureMonths))
                return i;
        }

        return -1;
    }

    /// <summary>Checks lines in cart order (SKU, then duplicate, then quantity) and finds their items' facts.</summary>
    private static PricingError? ResolveLines(PricingRequest request, Span<ItemFacts> items, int minorUnits)
    {
        var lines = request.Lines;
        HashSet<string>? seen = lines.Count > LinearDuplicateScanLimit ? new HashSet<string>(StringComparer.Ordinal) : null;
        // PricingCatalog holds one item per SKU, so two lines of one SKU find the same item: comparing
        // references is exact there and much cheaper than comparing SKU strings.
        var kept = request.Catalog as PricingCatalog;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!TryGetFacts(request, kept, line.Sku, minorUnits, out var item))
                return new PricingError("unknown-sku", i, $"Line {i}: SKU '{line.Sku}' is not in the catalog.");
            if (seen is not null ? !seen.Add(line.Sku) : kept is not null ? SameItemBefore(items, item.Item, i) : AppearsBefore(lines, i))
                return new PricingError("duplicate-sku", i, $"Line {i}: SKU '{line.Sku}' is already on an earlier line.");
            if (line.Quantity < 1)
                return new PricingError("invalid-quantity", i, $"Line {i}: the quantity must be a whole number of at least 1.");
            items[i] = item;
        }

        return null;
    }

    private static bool TryGetFacts(PricingRequest request, PricingCatalog? kept, string? sku, int minorUnits,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ItemFacts? facts)
    {
        facts = null;
        if (sku is null)
            return false;
        if (kept is not null)
            return kept.TryGetFacts(sku, request.Rules, request.AsOf, minorUnits, out facts);
        if (!request.Catalog.TryGetItem(sku, out var item))
            return false;
        facts = new ItemFacts(item, request.Rules, request.AsOf, minorUnits);
        return true;
    }

    private static bool SameItemBefore(Span<ItemFacts> items, CatalogItem item, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (ReferenceEquals(items[j].Item, item))
                return true;
        }

        return false;
    }

    private static bool AppearsBefore(IReadOnlyList<CartLine> lines, int index)
    {
        var sku = lines[index].Sku;
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(lines[j].Sku, sku, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    private static PriceQuote PriceLines(PricingRequest request, Span<ItemFacts> items, int minorUnits)
    {
        var rules = request.Rules;
        var policy = rules.Policy;
        var pricedAs = Classify(request, out var tier, out var tierIndex);
        var employee = pricedAs == PricedAs.Employee ? (EmployeeBuyer)request.Buyer : null;
        var keep = request.Catalog is PricingCatalog; // other catalogs' facts live for this quote only
        var lines = request.Lines;
        var lineSpan = lines switch
        {
            List<CartLine> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
            CartLine[] array => array,
            _ => default,
        };
        var priced = new PricedLine[lines.Count];
        var remaining = pricedAs == PricedAs.Employee ? AllowanceAtStart(request) : 0m;
        var tierMultiplier = TierMultiplier(tier);
        decimal subtotal = 0, discountTotal = 0, consumed = 0;
        PastPurchase[]? rentedPurchases = null;
        List<Violation>? violations = null;
        var purchases = employee is null || rules.Policy.QuantityLimits.Count == 0
            ? default
            : PurchasesOf(employee, out rentedPurchases);

        for (var i = 0; i < lines.Count; i++)
        {
            var facts = items[i];
            var item = facts.Item;
            var quantity = lineSpan.IsEmpty ? lines[i].Quantity : lineSpan[i].Quantity;
            var external = facts.ExternalUnitPrice;
            var unit = pricedAs switch
            {
                PricedAs.Employee when keep => facts.KeptEmployeeUnitPrice(tierIndex)
                    ?? facts.KeepEmployeeUnitPrice(tierIndex, EmployeeUnitPrice(rules, facts, tier, tierMultiplier, minorUnits, null)),
                PricedAs.Employee => EmployeeUnitPrice(rules, facts, tier, tierMultiplier, minorUnits, null),
                PricedAs.Department or PricedAs.Affiliate => InternalUnitPrice(request, facts, pricedAs, minorUnits, null),
                _ => external,
            };

            decimal taken = 0, lineTotal;
            if (employee is not null)
            {
                if (facts.Sku.Limits.Length > 0)
                    CheckQuantityLimits(purchases, facts.Sku.Limits, item, quantity, request.AsOf, ref violations, null);
                if (unit != external)
                {
                    var benefit = (external - unit) * quantity;
                    taken = policy.AnnualAllowance is null ? benefit : Math.Min(benefit, remaining);
                    remaining -= taken;
                }

                lineTotal = external * quantity - taken;
            }
            else
            {
                lineTotal = unit * quantity;
            }

            var discount = item.ListPrice * quantity - lineTotal;
            priced[i] = new PricedLine(item.Sku, quantity, item.ListPrice, unit, external, taken, lineTotal, discount);
            subtotal += lineTotal;
            discountTotal += discount;
            consumed += taken;
        }

        if (rentedPurchases is not null)
            ArrayPool<PastPurchase>.Shared.Return(rentedPurchases);
        return new PriceQuote(request, pricedAs, priced, subtotal, discountTotal, consumed,
            violations is null ? NoViolations : violations.ToArray());
    }

    private static decimal TierMultiplier(Tier? tier) => tier is null ? NoDiscount : PricingRules.Multiplier(tier.Percent);

    /// <summary>How the buyer is priced and, for an employee, their tier (null and -1 when none matches).</summary>
    private static PricedAs Classify(PricingRequest request, out Tier? tier, out int tierIndex)
    {
        tier = null;
        tierIndex = -1;
        switch (request.Buyer)
        {
            case EmployeeBuyer employee when IsEligible(employee, request.Rules.Policy, request.AsOf):
                tierIndex = TierIndexFor(employee, request.Rules.Policy, request.AsOf);
                tier = tierIndex >= 0 ? request.Rules.Policy.Tiers[tierIndex] : null;
                return PricedAs.Employee;
            case DepartmentBuyer:
                return PricedAs.Department;
            case AffiliateBuyer:
                return PricedAs.Affiliate;
            default:
                return PricedAs.External;
        }
    }

    private static decimal AllowanceAtStart(PricingRequest request)
    {
        var allowance = request.Rules.Policy.AnnualAllowance;
        var used = request.Buyer is EmployeeBuyer employee ? employee.AllowanceUsed : 0m;
        return allowance is null ? decimal.MaxValue : Math.Max(0m, allowance.Value - used);
    }

    internal static decimal ExternalUnitPrice(CatalogItem item, PromotionEntry? promotion, RoundingMode rounding, int minorUnits,
        List<ExplanationStep>? trace)
    {
        if (promotion is null)
            return Currencies.Round(item.ListPrice, minorUnits, rounding);
        var raw = item.ListPrice * promotion.Multiplier;
        var price = Currencies.Round(raw, minorUnits, rounding);
        if (trace is not null)
        {
            trace.Add(new ExplanationStep(promotion.Id, StepKind.Promotion, item.ListPrice, raw,
                $"Promotion {promotion.Id}: {Pct(promotion.Percent)} off for {promotion.Audience.ToString().ToLowerInvariant()} buyers."));
            AddRounding(trace, raw, price, rounding);
        }

        return price;
    }

    private static decimal EmployeeUnitPrice(PricingRules rules, ItemFacts facts, Tier? tier, decimal tierMultiplier,
        int minorUnits, List<ExplanationStep>? trace)
    {
        var policy = rules.Policy;
        var item = facts.Item;
        var promotion = facts.EmployeePromotion;
        var external = facts.ExternalUnitPrice;
        var list = item.ListPrice;
        var percent = EmployeeRate(item, facts.Category, tier, tierMultiplier, trace, out var multiplier);
        var p = promotion?.Percent ?? 0m;
        var raw = policy.PromotionStacking == PromotionStacking.Compound
            ? list * (promotion?.Multiplier ?? 1m) * multiplier
            : p > percent ? list * promotion!.Multiplier : list * multiplier;
        if (trace is not null && promotion is not null)
        {
            var how = policy.PromotionStacking == PromotionStacking.Compound
                ? $"compounded with the employee {Pct(percent)}"
                : p > percent ? $"better than the employee {Pct(percent)}, so it applies instead"
                : $"not better than the employee {Pct(percent)}, which applies";
            trace.Add(new ExplanationStep(promotion.Id, StepKind.Promotion, list, raw,
                $"Promotion {promotion.Id} ({Pct(p)}): {how}."));
        }

        var floor = facts.Floor;
        if (raw < floor)
        {
            trace?.Add(new ExplanationStep("floor", StepKind.Floor, raw, floor,
                $"Raised to the floor: unit cost plus {Pct(policy.MinMarginPercent)} margin, never above list."));
            raw = floor;
        }

        var unit = Currencies.Round(raw, minorUnits, policy.Rounding);
        if (trace is not null)
            AddRounding(trace, raw, unit, policy.Rounding);

        if (unit > external)
        {
            trace?.Add(new ExplanationStep("external-price", StepKind.ExternalCap, unit, external,
                "Lowered to what an external buyer pays today: an employee never pays more."));
            unit = external;
        }

        return unit;
    }

    /// <summary>
    /// The employee percent for an item and its price multiplier (1 - percent / 100), taken from the
    /// multipliers worked out once per quote (the tier's) and per category, so a line does no percent
    /// arithmetic; records each step when explaining.
    /// </summary>
    private static decimal EmployeeRate(CatalogItem item, CategoryFacts category, Tier? tier, decimal tierMultiplier,
        List<ExplanationStep>? trace, out decimal multiplier)
    {
        var list = item.ListPrice;
        multiplier = NoDiscount;
        if (tier is null)
        {
            trace?.Add(new ExplanationStep("no-tier", StepKind.Tier, list, list, "No tier matches: no employee percent."));
            return 0m;
        }

        var percent = tier.Percent;
        multiplier = tierMultiplier;
        trace?.Add(new ExplanationStep(tier.Id, StepKind.Tier, list, list * multiplier, $"Tier {tier.Id}: {Pct(percent)}."));

        if (category.Rule is { } rule)
        {
            var (percentBefore, multiplierBefore) = (percent, multiplier);
            var capped = false;
            if (rule.Exclude)
                (percent, multiplier) = (0m, NoDiscount);
            else
            {
                if (rule.Percent is { } replacement)
                    (percent, multiplier) = (replacement, category.ReplacementMultiplier);
                if (rule.MaxPercent is { } max && percent > max)
                    (percent, multiplier, capped) = (max, category.MaxMultiplier, true);
            }

            if (trace is not null && percent != percentBefore)
            {
                // A cap lowers the discount: its note says so, so that it never reads as a discount of its own.
                var what = rule.Exclude ? "excluded from the employee discount"
                    : capped ? $"the employee percent is capped at {Pct(percent)}"
                    : $"employee percent {Pct(percent)}";
                trace.Add(new ExplanationStep("category:" + rule.Category, StepKind.CategoryRule,
                    list * multiplierBefore, list * multiplier, $"Category {rule.Category}: {what}."));
            }
        }

        if (!item.EmployeeDiscount && percent != 0m)
        {
            trace?.Add(new ExplanationStep("employee-discount-off", StepKind.CategoryRule, list * multiplier,
                list, $"{item.Sku} is not eligible for the employee discount."));
            (percent, multiplier) = (0m, NoDiscount);
        }

        return percent;
    }

    /// <summary>A department's or affiliate's unit price: the transfer price, or their agreement's where one is in force.</summary>
    private static decimal InternalUnitPrice(PricingRequest request, ItemFacts facts, PricedAs pricedAs, int minorUnits,
        List<ExplanationStep>? trace)
    {
        var rules = request.Rules;
        var (markup, agreements) = request.Buyer switch
        {
            DepartmentBuyer d => (facts.Category.DepartmentMarkupPercent, d.Agreements),
            AffiliateBuyer a => (rules.TransferPricing.IntercompanyMarkupPercent, a.Agreements),
            _ => throw new InvalidOperationException($"{pricedAs} is not an internal buyer."),
        };
        var standard = TransferUnitPrice(facts.Item, markup, rules.Policy.Rounding, minorUnits, trace);
        return agreements.Prices.Count == 0 || agreements.For(facts.Item.Sku, request.AsOf) is not { } agreed
            ? standard
            : AgreedUnitPrice(facts.Item, agreed, agreements.MinimumMarkupPercent, standard, minorUnits, trace);
    }

    /// <summary>
    /// The agreed price where it is below the standard transfer price; never below the negotiated
    /// floor at today's cost (a cost rise since the agreement lets the floor win), never above the standard price.
    /// </summary>
    private static decimal AgreedUnitPrice(CatalogItem item, AgreedPrice agreed, decimal minimumMarkup, decimal standard,
        int minorUnits, List<ExplanationStep>? trace)
    {
        var name = "agreement:" + agreed.Id;
        if (agreed.UnitPrice >= standard)
        {
            trace?.Add(new ExplanationStep(name, StepKind.Agreement, standard, standard,
                $"Negotiated agreement {agreed.Id} ({Money(agreed.UnitPrice, minorUnits)}) is not below the standard price, which applies."));
            return standard;
        }

        trace?.Add(new ExplanationStep(name, StepKind.Agreement, standard, agreed.UnitPrice,
            $"Negotiated agreement {agreed.Id}: {Money(agreed.UnitPrice, minorUnits)} per unit from {agreed.From:yyyy-MM-dd} to "
            + $"{agreed.To:yyyy-MM-dd} instead of the standard {Money(standard, minorUnits)}."));
        var floor = PricingRules.NegotiatedFloor(item.UnitCost, minimumMarkup, minorUnits);
        if (agreed.UnitPrice >= floor)
            return agreed.UnitPrice;
        var raised = Math.Min(floor, standard);
        trace?.Add(new ExplanationStep("floor", StepKind.Floor, agreed.UnitPrice, raised,
            $"Raised to the floor: unit cost {Money(item.UnitCost, minorUnits)} plus {Pct(minimumMarkup)} minimum negotiated markup; "
            + (raised < floor ? "the standard price is lower and applies." : "the cost has risen above the agreed price.")));
        return raised;
    }

    private static decimal TransferUnitPrice(CatalogItem item, decimal markup, RoundingMode rounding, int minorUnits,
        List<ExplanationStep>? trace)
    {
        var raw = item.UnitCost * (1m + markup * 0.01m);
        var rounded = Currencies.Round(raw, minorUnits, rounding);
        if (trace is not null)
        {
            trace.Add(new ExplanationStep("markup", StepKind.TransferMarkup, item.UnitCost, raw,
                $"Unit cost plus {Pct(markup)} markup."));
            AddRounding(trace, raw, rounded, rounding);
        }

        if (rounded <= item.ListPrice)
            return rounded;
        trace?.Add(new ExplanationStep("list-price", StepKind.ListCap, rounded, item.ListPrice,
            "Capped at the list price."));
        return item.ListPrice;
    }

    private static void CheckQuantityLimits(ReadOnlySpan<PastPurchase> purchases, QuantityLimit[] limits, CatalogItem item,
        long quantity, DateOnly asOf, ref List<Violation>? violations, List<ExplanationStep>? trace)
    {
        foreach (var limit in limits)
        {
            long counted = 0;
            foreach (ref readonly var purchase in purchases)
            {
                var age = asOf.DayNumber - purchase.Date.DayNumber;
                if (age >= 0 && age < limit.WindowDays && string.Equals(purchase.Sku, item.Sku, StringComparison.Ordinal))
                    counted += purchase.Units;
            }

            var remaining = Math.Max(0, limit.MaxUnits - counted);
            if (quantity <= remaining)
                continue;
            (violations ??= []).Add(new Violation(item.Sku, "quantity-limit", remaining));
            trace?.Add(new ExplanationStep("quantity-limit:" + item.Sku, StepKind.QuantityLimit, quantity, remaining,
                $"At most {limit.MaxUnits} in {limit.WindowDays} days; {counted} already bought, {remaining} left: "
                + "the line is priced but cannot be ordered."));
        }
    }

    /// <summary>
    /// The purchases as a span, so the limit scans make no interface call per element: arrays and lists
    /// directly, any other list copied once into <paramref name="rented"/> (return it to the pool).
    /// </summary>
    private static ReadOnlySpan<PastPurchase> PurchasesOf(EmployeeBuyer employee, out PastPurchase[]? rented)
    {
        rented = null;
        switch (employee.Purchases)
        {
            case PastPurchase[] array:
                return array;
            case List<PastPurchase> list:
                return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
            case { Count: 0 }:
                return default;
            case var other:
                rented = ArrayPool<PastPurchase>.Shared.Rent(other.Count);
                for (var i = 0; i < other.Count; i++)
                    rented[i] = other[i];
                return rented.AsSpan(0, other.Count);
        }
    }

    /// <summary>Rebuilds line <paramref name="index"/>'s steps by running the same rules with a recorder.</summary>
    internal static IReadOnlyList<ExplanationStep> Explain(PricingRequest request, PriceQuote quote, int index)
    {
        var rules = request.Rules;
        var policy = rules.Policy;
        var line = quote.Lines[index];
        var trace = new List<ExplanationStep>(8)
        {
            new("list", StepKind.ListPrice, line.ListPrice, line.ListPrice, "List price."),
        };
        var minorUnits = Currencies.MinorUnits(request.Currency);
        TryGetFacts(request, request.Catalog as PricingCatalog, line.Sku, minorUnits, out var facts);
        var item = facts!.Item;

        switch (quote.PricedAs)
        {
            case PricedAs.External:
                if (request.Buyer is EmployeeBuyer employee)
                    trace.Add(new ExplanationStep("eligibility", StepKind.Eligibility, line.ListPrice, line.ListPrice,
                        employee.Status == EmploymentStatus.Terminated
                            ? "Terminated: priced as an external buyer."
                            : $"In probation ({policy.ProbationDays} days from hire): priced as an external buyer."));
                ExternalUnitPrice(item, facts.ExternalPromotion, policy.Rounding, minorUnits, trace);
                break;
            case PricedAs.Department or PricedAs.Affiliate:
                InternalUnitPrice(request, facts, quote.PricedAs, minorUnits, trace);
                break;
            case PricedAs.Employee:
                Classify(request, out var tier, out _);
                EmployeeUnitPrice(rules, facts, tier, TierMultiplier(tier), minorUnits, trace);
                List<Violation>? ignored = null;
                CheckQuantityLimits(PurchasesOf((EmployeeBuyer)request.Buyer, out var rented), facts.Sku.Limits, item,
                    line.Quantity, request.AsOf, ref ignored, trace);
                if (rented is not null)
                    ArrayPool<PastPurchase>.Shared.Return(rented);
                AddAllowance(request, quote, index, trace);
                break;
        }

        return trace;
    }

    private static void AddAllowance(PricingRequest request, PriceQuote quote, int index, List<ExplanationStep> trace)
    {
        var line = quote.Lines[index];
        var atExternal = line.ExternalUnitPrice * line.Quantity;
        var benefit = atExternal - line.UnitPrice * line.Quantity;
        if (benefit == 0)
            return;
        if (request.Rules.Policy.AnnualAllowance is null)
        {
            trace.Add(new ExplanationStep("allowance", StepKind.Allowance, atExternal, line.LineTotal,
                $"Benefit {Amount(benefit)}; the policy has no annual cap."));
            return;
        }

        var remaining = AllowanceAtStart(request);
        for (var i = 0; i < index; i++)
            remaining -= quote.Lines[i].AllowanceTaken;
        trace.Add(new ExplanationStep("allowance", StepKind.Allowance, atExternal, line.LineTotal,
            $"Benefit {Amount(benefit)}; {Amount(remaining)} of the annual allowance left, {Amount(line.AllowanceTaken)} taken."));
    }

    private static void AddRounding(List<ExplanationStep> trace, decimal raw, decimal rounded, RoundingMode mode)
    {
        if (raw != rounded)
            trace.Add(new ExplanationStep("round:" + (mode == RoundingMode.HalfEven ? "halfEven" : "halfUp"),
                StepKind.Rounding, raw, rounded, "Rounded to the currency's minor unit."));
    }

    private static string Pct(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Money(decimal amount, int minorUnits) =>
        amount.ToString("F" + minorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
