using System.Buffers;
using System.Globalization;

namespace InternalStore.Pricing;

/// <summary>
/// Prices a cart for a buyer on a day, following the InternalStore pricing rules. Pure: no clock, no
/// I/O, no shared state; safe to call from many threads at once.
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
        var items = ArrayPool<CatalogItem>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var error = ResolveLines(request, items);
            return error is null
                ? PricingResult.Success(PriceLines(request, items, minorUnits))
                : PricingResult.Failure(error);
        }
        finally
        {
            Array.Clear(items, 0, count);
            ArrayPool<CatalogItem>.Shared.Return(items);
        }
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
    public static Tier? TierFor(EmployeeBuyer employee, DiscountPolicy policy, DateOnly asOf)
    {
        var months = TenureMonths(employee.HireDate, asOf);
        var tiers = policy.Tiers;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if ((tier.MinGrade is null || employee.Grade >= tier.MinGrade)
                && (tier.MinTenureMonths is null || months >= tier.MinTenureMonths))
                return tier;
        }

        return null;
    }

    /// <summary>Checks lines in cart order (SKU, then duplicate, then quantity) and finds their items.</summary>
    private static PricingError? ResolveLines(PricingRequest request, CatalogItem[] items)
    {
        var lines = request.Lines;
        HashSet<string>? seen = lines.Count > LinearDuplicateScanLimit ? new HashSet<string>(StringComparer.Ordinal) : null;
        // PricingCatalog holds one item per SKU, so two lines of one SKU find the same item: comparing
        // references is exact there and much cheaper than comparing SKU strings.
        var oneItemPerSku = request.Catalog is PricingCatalog;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Sku is null || !request.Catalog.TryGetItem(line.Sku, out var item))
                return new PricingError("unknown-sku", i, $"Line {i}: SKU '{line.Sku}' is not in the catalog.");
            if (seen is not null ? !seen.Add(line.Sku) : oneItemPerSku ? SameItemBefore(items, item, i) : AppearsBefore(lines, i))
                return new PricingError("duplicate-sku", i, $"Line {i}: SKU '{line.Sku}' is already on an earlier line.");
            if (line.Quantity < 1)
                return new PricingError("invalid-quantity", i, $"Line {i}: the quantity must be a whole number of at least 1.");
            items[i] = item;
        }

        return null;
    }

    private static bool SameItemBefore(CatalogItem[] items, CatalogItem item, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (ReferenceEquals(items[j], item))
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

    private static PriceQuote PriceLines(PricingRequest request, CatalogItem[] items, int minorUnits)
    {
        var rules = request.Rules;
        var policy = rules.Policy;
        var pricedAs = Classify(request, out var tier);
        var employee = pricedAs == PricedAs.Employee ? (EmployeeBuyer)request.Buyer : null;
        var lines = request.Lines;
        var priced = new PricedLine[lines.Count];
        var remaining = pricedAs == PricedAs.Employee ? AllowanceAtStart(request) : 0m;
        var tierMultiplier = TierMultiplier(tier);
        decimal subtotal = 0, discountTotal = 0, consumed = 0;
        List<Violation>? violations = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var item = items[i];
            var quantity = lines[i].Quantity;
            var skuFacts = rules.SkuFactsFor(item.Sku);
            var categoryFacts = rules.CategoryFactsFor(item.Category);
            var (externalPromotion, employeePromotion) = PricingRules.BestPromotions(skuFacts, categoryFacts, request.AsOf);
            var external = ExternalUnitPrice(item, externalPromotion, policy.Rounding, minorUnits, null);
            var unit = pricedAs switch
            {
                PricedAs.Employee => EmployeeUnitPrice(rules, item, categoryFacts, tier, tierMultiplier, employeePromotion,
                    external, minorUnits, null),
                PricedAs.Department => TransferUnitPrice(item, categoryFacts.DepartmentMarkupPercent, policy.Rounding,
                    minorUnits, null),
                PricedAs.Affiliate => TransferUnitPrice(item, rules.TransferPricing.IntercompanyMarkupPercent,
                    policy.Rounding, minorUnits, null),
                _ => external,
            };

            decimal taken = 0, lineTotal;
            if (employee is not null)
            {
                if (skuFacts.Limits.Length > 0)
                    CheckQuantityLimits(employee, skuFacts.Limits, item, quantity, request.AsOf, ref violations, null);
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

        return new PriceQuote(request, pricedAs, priced, subtotal, discountTotal, consumed,
            violations is null ? NoViolations : violations.ToArray());
    }

    private static decimal TierMultiplier(Tier? tier) => tier is null ? NoDiscount : PricingRules.Multiplier(tier.Percent);

    private static PricedAs Classify(PricingRequest request, out Tier? tier)
    {
        tier = null;
        switch (request.Buyer)
        {
            case EmployeeBuyer employee when IsEligible(employee, request.Rules.Policy, request.AsOf):
                tier = TierFor(employee, request.Rules.Policy, request.AsOf);
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

    private static decimal ExternalUnitPrice(CatalogItem item, PromotionEntry? promotion, RoundingMode rounding, int minorUnits,
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

    private static decimal EmployeeUnitPrice(PricingRules rules, CatalogItem item, CategoryFacts category, Tier? tier,
        decimal tierMultiplier, PromotionEntry? promotion, decimal external, int minorUnits, List<ExplanationStep>? trace)
    {
        var policy = rules.Policy;
        var list = item.ListPrice;
        var percent = EmployeeRate(item, category, tier, tierMultiplier, trace, out var multiplier);
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

        var floor = Math.Min(item.UnitCost * rules.FloorMultiplier, list);
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
            if (rule.Exclude)
                (percent, multiplier) = (0m, NoDiscount);
            else
            {
                if (rule.Percent is { } replacement)
                    (percent, multiplier) = (replacement, category.ReplacementMultiplier);
                if (rule.MaxPercent is { } max && percent > max)
                    (percent, multiplier) = (max, category.MaxMultiplier);
            }

            if (trace is not null && percent != percentBefore)
            {
                var what = rule.Exclude ? "excluded from the employee discount" : $"employee percent {Pct(percent)}";
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

    private static void CheckQuantityLimits(EmployeeBuyer employee, QuantityLimit[] limits, CatalogItem item,
        long quantity, DateOnly asOf, ref List<Violation>? violations, List<ExplanationStep>? trace)
    {
        var purchases = employee.Purchases;
        foreach (var limit in limits)
        {
            long counted = 0;
            for (var p = 0; p < purchases.Count; p++)
            {
                var purchase = purchases[p];
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

    /// <summary>Rebuilds line <paramref name="index"/>'s steps by running the same rules with a recorder.</summary>
    internal static IReadOnlyList<ExplanationStep> Explain(PricingRequest request, PriceQuote quote, int index)
    {
        var rules = request.Rules;
        var policy = rules.Policy;
        var line = quote.Lines[index];
        request.Catalog.TryGetItem(line.Sku, out var item);
        var trace = new List<ExplanationStep>(8)
        {
            new("list", StepKind.ListPrice, line.ListPrice, line.ListPrice, "List price."),
        };
        var minorUnits = Currencies.MinorUnits(request.Currency);
        var skuFacts = rules.SkuFactsFor(item!.Sku);
        var categoryFacts = rules.CategoryFactsFor(item.Category);
        var (externalPromotion, employeePromotion) = PricingRules.BestPromotions(skuFacts, categoryFacts, request.AsOf);

        switch (quote.PricedAs)
        {
            case PricedAs.External:
                if (request.Buyer is EmployeeBuyer employee)
                    trace.Add(new ExplanationStep("eligibility", StepKind.Eligibility, line.ListPrice, line.ListPrice,
                        employee.Status == EmploymentStatus.Terminated
                            ? "Terminated: priced as an external buyer."
                            : $"In probation ({policy.ProbationDays} days from hire): priced as an external buyer."));
                ExternalUnitPrice(item, externalPromotion, policy.Rounding, minorUnits, trace);
                break;
            case PricedAs.Department:
                TransferUnitPrice(item, categoryFacts.DepartmentMarkupPercent, policy.Rounding, minorUnits, trace);
                break;
            case PricedAs.Affiliate:
                TransferUnitPrice(item, rules.TransferPricing.IntercompanyMarkupPercent, policy.Rounding, minorUnits, trace);
                break;
            case PricedAs.Employee:
                Classify(request, out var tier);
                EmployeeUnitPrice(rules, item, categoryFacts, tier, TierMultiplier(tier), employeePromotion, line.ExternalUnitPrice,
                    minorUnits, trace);
                List<Violation>? ignored = null;
                CheckQuantityLimits((EmployeeBuyer)request.Buyer, skuFacts.Limits, item, line.Quantity, request.AsOf,
                    ref ignored, trace);
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

    private static string Amount(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
