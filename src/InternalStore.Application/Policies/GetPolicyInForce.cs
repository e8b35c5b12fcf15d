using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Policies;

/// <summary>One company's policy as it applies today: its own version in force, or the nearest parent's.</summary>
public sealed record PolicyInForceDto(string Company, bool Inherited, PolicyVersionDto? Policy);

/// <summary>The policy that prices a company's employees today, for HR of that company (or above it).</summary>
public sealed record GetPolicyInForceQuery(Caller Caller, string? Company) : IQuery<PolicyInForceDto>, ICallerMessage;

public sealed class GetPolicyInForceHandler(OrganisationAuthority authority, PricingFacts facts, TimeProvider clock)
    : IQueryHandler<GetPolicyInForceQuery, PolicyInForceDto>
{
    public async ValueTask<PolicyInForceDto> Handle(GetPolicyInForceQuery query, CancellationToken cancellationToken)
    {
        var company = query.Company ?? query.Caller.Company ?? "";
        if (!(await authority.ScopeOfAsync(query.Caller, cancellationToken)).Covers(company))
            throw new NotFoundException("Company", company);
        var policy = await facts.PolicyInForceAsync(company, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return new PolicyInForceDto(company, policy is not null && policy.CompanyCode != company, policy?.ToDto(inForce: true));
    }
}
