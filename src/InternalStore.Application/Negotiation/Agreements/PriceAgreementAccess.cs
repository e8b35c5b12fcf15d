using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Domain.Ordering;

namespace InternalStore.Application.Negotiation.Agreements;

/// <summary>
/// Who sees an agreement, written once: finance of the selling company (and the companies above it),
/// and the buyer it prices: a department buyer of its cost centre, an affiliate buyer of its company.
/// </summary>
public static class PriceAgreementAccess
{
    public static IQueryable<PriceAgreement> SoldBy(IQueryable<PriceAgreement> agreements, CallerScope scope)
    {
        if (!scope.Caller.IsInRole(Roles.Finance))
            return agreements.Where(_ => false);
        var companies = scope.Companies.ToList();
        return agreements.Where(a => companies.Contains(a.SellerCompany));
    }

    public static IQueryable<PriceAgreement> BoughtBy(IQueryable<PriceAgreement> agreements, Caller caller)
    {
        if (caller.IsInRole(Roles.DepartmentBuyer) && caller is { Company: { } company, CostCenter: { } costCenter })
            return agreements.Where(a => a.BuyerKind == BuyerKind.Department && a.BuyerCompany == company && a.CostCenter == costCenter);
        if (caller.IsInRole(Roles.AffiliateBuyer) && caller.Affiliate is { } affiliate)
            return agreements.Where(a => a.BuyerKind == BuyerKind.Affiliate && a.BuyerCompany == affiliate);
        return agreements.Where(_ => false);
    }

    public static bool MaySee(CallerScope scope, PriceAgreement a) =>
        (scope.Caller.IsInRole(Roles.Finance) && scope.Covers(a.SellerCompany)) || BoughtBy(new[] { a }.AsQueryable(), scope.Caller).Any();

    public static void RequireSellerFinance(CallerScope scope, PriceAgreement a)
    {
        if (!(scope.Caller.IsInRole(Roles.Finance) && scope.Covers(a.SellerCompany)))
            throw new NotFoundException("Price agreement", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
