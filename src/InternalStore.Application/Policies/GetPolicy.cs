using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Policies;

public sealed record GetPolicyQuery(Caller Caller, Guid Id) : IQuery<PolicyVersionDto>, ICallerMessage;

public sealed class GetPolicyHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock) : IQueryHandler<GetPolicyQuery, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(GetPolicyQuery query, CancellationToken cancellationToken)
    {
        var policy = await db.LoadVisibleAsync(await authority.ScopeOfAsync(query.Caller, cancellationToken), query.Id, cancellationToken);
        var inForce = await db.InForceIdsAsync([policy.CompanyCode], DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            cancellationToken);
        return policy.ToDto(inForce.Contains(policy.Id));
    }
}
