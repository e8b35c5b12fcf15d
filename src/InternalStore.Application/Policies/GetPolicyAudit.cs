using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>Who changed what in a policy version, when, field by field, oldest first.</summary>
public sealed record GetPolicyAuditQuery(Caller Caller, Guid Id) : IQuery<IReadOnlyList<PolicyAuditDto>>, ICallerMessage;

public sealed class GetPolicyAuditHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<GetPolicyAuditQuery, IReadOnlyList<PolicyAuditDto>>
{
    public async ValueTask<IReadOnlyList<PolicyAuditDto>> Handle(GetPolicyAuditQuery query, CancellationToken cancellationToken)
    {
        var policy = await db.LoadVisibleAsync(await authority.ScopeOfAsync(query.Caller, cancellationToken), query.Id, cancellationToken);
        return await db.PolicyAudit.AsNoTracking().Where(e => e.PolicyId == policy.Id).OrderBy(e => e.Id)
            .Select(e => new PolicyAuditDto(e.At, e.By, e.Action, e.Field, e.Before, e.After))
            .ToListAsync(cancellationToken);
    }
}
