using InternalStore.Application.Common;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Authority;

/// <summary>
/// Resolves a caller's <c>company</c>, <c>cost_center</c> and <c>affiliate</c> claims against the
/// organisation (read once into an <see cref="OrgChart"/> and kept in the read cache, which a change of
/// a company or cost centre empties). A claim that names nothing, a cost centre of another company,
/// an affiliate outside the seller's group or equal to the seller, or a role without the claims
/// <see cref="RoleScopes"/> requires, is refused before anything is priced, charged or listed.
/// </summary>
public sealed class OrganisationAuthority(IStoreDb db, ReadCache cache)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    // Scoped like the request: the pipeline's check and the handler's own question about the same
    // caller are answered once (the employee look-up is not repeated).
    private (Caller Caller, CallerScope Scope)? _resolved;

    public ValueTask<OrgChart> ChartAsync(CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("org-chart", async ct => new OrgChart(
            await db.Companies.AsNoTracking().ToListAsync(ct),
            await db.CostCenters.AsNoTracking().ToListAsync(ct)), cancellationToken);

    /// <summary>The caller's confirmed scope; throws <see cref="UnknownOrganisationException"/> for a claim that does not hold.</summary>
    public async ValueTask<CallerScope> ScopeOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (_resolved is { } resolved && ReferenceEquals(resolved.Caller, caller))
            return resolved.Scope;
        var scope = await ResolveAsync(caller, cancellationToken);
        _resolved = (caller, scope);
        return scope;
    }

    private async ValueTask<CallerScope> ResolveAsync(Caller caller, CancellationToken cancellationToken)
    {
        var chart = await ChartAsync(cancellationToken);
        if (caller.IsOperator)
            return new CallerScope(caller, chart, chart.Companies.ToHashSet(StringComparer.Ordinal));
        if (caller.IsStorefront)
            return new CallerScope(caller, chart, None);
        Check(caller, chart);
        if (caller.IsInRole(Roles.Employee) && caller.Company is { } claimed)
        {
            var employee = await cache.GetOrAddAsync($"employee:{caller.Subject}",
                ct => db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == caller.Subject, ct), cancellationToken);
            if (employee is not null && employee.CompanyCode != claimed)
                throw new UnknownOrganisationException(RoleScopes.CompanyClaim,
                    $"The token says company {claimed}, but {caller.Subject} is employed by {employee.CompanyCode}.");
        }

        var companyWide = caller.Roles.Any(r => RoleScopes.Of(r)?.Reach == Reach.CompanyAndBelow);
        return new CallerScope(caller, chart, companyWide ? chart.SelfAndBelow(caller.Company) : None);
    }

    /// <summary>Who an affiliate buyer buys from: the company of the token, or the group's parent when that is the affiliate itself or absent.</summary>
    public static string? SellerForAffiliate(Caller caller, OrgChart chart) =>
        Domain.People.Company.SellerForAffiliate(caller.Company, caller.Affiliate!, chart.Top);

    private static void Check(Caller caller, OrgChart chart)
    {
        foreach (var scope in caller.Roles.Select(RoleScopes.Of).OfType<RoleScope>())
        {
            foreach (var claim in scope.RequiredClaims.Where(c => string.IsNullOrWhiteSpace(ClaimValue(caller, c))))
                throw new UnknownOrganisationException(claim, $"The {scope.Role} role acts only with a '{claim}' claim, and the token has none.");
        }

        if (caller.Company is { } company && !chart.HasCompany(company))
            throw new UnknownOrganisationException(RoleScopes.CompanyClaim, $"Company '{company}' is not part of the organisation.");

        if (caller.CostCenter is { } costCenter)
        {
            var owner = chart.CompanyOfCostCenter(costCenter)
                ?? throw new UnknownOrganisationException(RoleScopes.CostCenterClaim,
                    $"Cost centre '{costCenter}' is not part of the organisation.");
            if (owner != caller.Company)
                throw new UnknownOrganisationException(RoleScopes.CostCenterClaim,
                    $"Cost centre {costCenter} belongs to {owner}, not to the caller's company {caller.Company ?? "(none)"}.");
        }

        if (caller.Affiliate is { } affiliate)
        {
            if (!chart.HasCompany(affiliate))
                throw new UnknownOrganisationException(RoleScopes.AffiliateClaim, $"Company '{affiliate}' is not part of the organisation.");
            var seller = SellerForAffiliate(caller, chart);
            if (seller is null || chart.GroupOf(affiliate) != chart.GroupOf(seller))
                throw new UnknownOrganisationException(RoleScopes.AffiliateClaim,
                    $"{affiliate} is not a company of the seller's group ({seller ?? "none"}).");
            if (affiliate == seller)
                throw new UnknownOrganisationException(RoleScopes.AffiliateClaim,
                    $"{affiliate} is the seller itself; a company does not buy from itself at the intercompany price.");
        }
    }

    private static string? ClaimValue(Caller caller, string claim) => claim switch
    {
        RoleScopes.CompanyClaim => caller.Company,
        RoleScopes.CostCenterClaim => caller.CostCenter,
        RoleScopes.AffiliateClaim => caller.Affiliate,
        _ => null,
    };
}
