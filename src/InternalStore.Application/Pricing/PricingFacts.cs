using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Pricing;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;
using EmploymentStatus = InternalStore.Domain.People.EmploymentStatus;

namespace InternalStore.Application.Pricing;

/// <summary>Loads what the pure engine needs from the database: the rules in force, the buyer, the cart's items.</summary>
public sealed class PricingFacts(IStoreDb db, Authority.OrganisationAuthority authority)
{
    /// <summary>
    /// The published version in force for the company on the day: its own, else its parent's (the
    /// group default), up the chain. A null company (the storefront) gets the group's top company's.
    /// </summary>
    public async Task<PolicyVersion?> PolicyInForceAsync(string? companyCode, DateOnly asOf, CancellationToken cancellationToken)
    {
        var chain = await CompanyChainAsync(companyCode, cancellationToken);
        var candidates = await db.Policies.AsNoTracking()
            .Where(p => p.Status == PolicyStatus.Published && p.EffectiveFrom <= asOf && chain.Contains(p.CompanyCode))
            .ToListAsync(cancellationToken);
        return candidates
            .OrderBy(p => chain.IndexOf(p.CompanyCode))
            .ThenByDescending(p => p.EffectiveFrom)
            .ThenByDescending(p => p.Version)
            .FirstOrDefault();
    }

    /// <summary>The company and its ancestors, nearest first; for null, the top company.</summary>
    public async Task<List<string>> CompanyChainAsync(string? companyCode, CancellationToken cancellationToken) =>
        [.. (await authority.ChartAsync(cancellationToken)).Chain(companyCode)];

    /// <summary>The rules for a company on a day; <paramref name="instead"/> replaces the policy in force (simulation).</summary>
    public async Task<PricingRules> RulesAsync(string? companyCode, DateOnly asOf, CancellationToken cancellationToken,
        DiscountPolicy? instead = null)
    {
        var document = instead;
        if (document is null)
        {
            var policy = await PolicyInForceAsync(companyCode, asOf, cancellationToken);
            document = policy is null ? new DiscountPolicy() : DiscountPolicyJson.Read(policy.Document);
        }

        // A staff promotion applies to the employees of its company and of the companies below it.
        var chain = await CompanyChainAsync(companyCode, cancellationToken);
        var promotions = await db.Promotions.AsNoTracking()
            .Where(p => p.From <= asOf && p.To >= asOf && (p.Company == null || chain.Contains(p.Company)))
            .ToListAsync(cancellationToken);
        var transfer = await db.TransferPricing.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == TransferPricingSettings.SingletonId, cancellationToken);
        return PricingRules.Create(document, promotions.Select(ToEngine).ToList(), ToEngine(transfer));
    }

    public async Task<Employee?> EmployeeAsync(string id, CancellationToken cancellationToken) =>
        await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The employee as the engine sees them, without usage (for eligibility and tier).</summary>
    public static EmployeeBuyer ToBuyer(Employee employee, DateOnly asOf) => ToBuyer(employee, asOf, 0m, []);

    /// <summary>The employee as the engine sees them, with the allowance taken this year and their purchases.</summary>
    public static EmployeeBuyer ToBuyer(Employee employee, DateOnly asOf, decimal allowanceTaken,
        IReadOnlyList<PastPurchase> purchases) => new(
        employee.Grade,
        employee.HireDate,
        employee.Status == EmploymentStatus.Active && (employee.TerminationDate is null || employee.TerminationDate > asOf)
            ? InternalStore.Pricing.EmploymentStatus.Active
            : InternalStore.Pricing.EmploymentStatus.Terminated,
        allowanceTaken,
        purchases);

    /// <summary>Allowance used and reserved in the calendar year, as the ledger says (read without a lock).</summary>
    public async Task<(decimal Used, decimal Reserved)> AllowanceAsync(string employeeId, int year,
        CancellationToken cancellationToken)
    {
        var ledger = await db.AllowanceLedgers.AsNoTracking()
            .FirstOrDefaultAsync(l => l.EmployeeId == employeeId && l.Year == year, cancellationToken);
        return ledger is null ? (0m, 0m) : (ledger.Used, ledger.Reserved);
    }

    /// <summary>
    /// Units the buyer has in orders awaiting payment, paid or fulfilled (cancelled and expired ones do
    /// not count), placed in the last <paramref name="days"/> days: what quantity limits count.
    /// </summary>
    public async Task<List<PastPurchase>> PurchasesAsync(string buyerId, DateOnly asOf, int days,
        CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(asOf.AddDays(-Math.Max(days, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var counted = Order.PurchaseStatuses.ToList();
        var lines = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerId == buyerId && o.PlacedAt >= since && counted.Contains(o.Status))
            .SelectMany(o => o.Lines, (o, l) => new { l.Sku, l.Quantity, o.PlacedAt })
            .ToListAsync(cancellationToken);
        return lines.Select(l => new PastPurchase(l.Sku, l.Quantity, DateOnly.FromDateTime(l.PlacedAt.UtcDateTime))).ToList();
    }

    /// <summary>
    /// A department's or affiliate's standing agreements in force on the day with the company it buys
    /// from, and that seller's minimum negotiated markup (the floor the engine keeps them above).
    /// </summary>
    public async Task<AgreedPrices> AgreementsAsync(Caller caller, CartBuyer buyer, DateOnly asOf, CancellationToken cancellationToken)
    {
        if (buyer.Kind is not ({ } kind and (BuyerKind.Department or BuyerKind.Affiliate)) || buyer.Company is not { } company)
            return AgreedPrices.None;
        var seller = kind == BuyerKind.Department ? company
            : Authority.OrganisationAuthority.SellerForAffiliate(caller, await authority.ChartAsync(cancellationToken));
        var costCenter = kind == BuyerKind.Department ? buyer.CostCenter : null;
        var agreements = await db.PriceAgreements.AsNoTracking()
            .Where(a => a.SellerCompany == seller && a.BuyerKind == kind && a.BuyerCompany == company && a.CostCenter == costCenter
                        && a.From <= asOf && a.To >= asOf)
            .OrderBy(a => a.Id)
            .Select(a => new AgreedPrice(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Sku, a.UnitPrice, a.From, a.To))
            .ToListAsync(cancellationToken);
        if (agreements.Count == 0)
            return AgreedPrices.None;
        var minimumMarkup = await db.NegotiationSettings.AsNoTracking().Where(s => s.Company == seller)
            .Select(s => (decimal?)s.MinimumMarkupPercent).FirstOrDefaultAsync(cancellationToken) ?? 0m;
        return new AgreedPrices(minimumMarkup, agreements);
    }

    public static int LongestWindow(DiscountPolicy policy) =>
        policy.QuantityLimits.Count == 0 ? 0 : policy.QuantityLimits.Max(l => l.WindowDays);

    private static Promotion ToEngine(StorePromotion p) => new(p.Id, p.Percent, p.Audience switch
    {
        "employee" => PromotionAudience.Employee,
        "external" => PromotionAudience.External,
        _ => PromotionAudience.All,
    }, p.From, p.To, p.Sku, p.Category);

    private static TransferPricing ToEngine(TransferPricingSettings? settings)
    {
        if (settings is null)
            return new TransferPricing(0m, [], 0m);
        var dto = Finance.TransferPricingMapping.ToDto(settings);
        return new TransferPricing(dto.DefaultMarkupPercent,
            dto.CategoryMarkups.Select(m => new CategoryMarkup(m.Category, m.MarkupPercent)).ToList(),
            dto.IntercompanyMarkupPercent);
    }
}
