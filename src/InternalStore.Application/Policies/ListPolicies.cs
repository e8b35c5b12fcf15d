using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>Every version of the policies the caller manages, newest first, with the one in force marked.</summary>
public sealed record ListPoliciesQuery(Caller Caller, string? Company) : IQuery<IReadOnlyList<PolicyVersionDto>>, ICallerMessage;

public sealed class ListPoliciesHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : IQueryHandler<ListPoliciesQuery, IReadOnlyList<PolicyVersionDto>>
{
    public async ValueTask<IReadOnlyList<PolicyVersionDto>> Handle(ListPoliciesQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        if (query.Company is not null)
            companies = companies.Where(c => c == query.Company).ToList();
        var versions = await db.Policies.AsNoTracking().Where(p => companies.Contains(p.CompanyCode))
            .ToListAsync(cancellationToken);
        var inForce = await db.InForceIdsAsync(companies, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            cancellationToken);
        return versions.OrderBy(p => p.CompanyCode).ThenByDescending(p => p.Version)
            .Select(p => p.ToDto(inForce.Contains(p.Id))).ToList();
    }
}
