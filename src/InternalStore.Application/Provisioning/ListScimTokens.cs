using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Provisioning;

/// <summary>The SCIM tokens of the caller's companies, oldest first, revoked ones included.</summary>
public sealed record ListScimTokensQuery(Caller Caller) : IQuery<ScimTokens>, ICallerMessage;

/// <param name="Companies">The companies the caller may issue a token for, by code.</param>
public sealed record ScimTokens(IReadOnlyList<ScimTokenDto> Tokens, IReadOnlyList<string> Companies);

public sealed class ListScimTokensHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListScimTokensQuery, ScimTokens>
{
    public async ValueTask<ScimTokens> Handle(ListScimTokensQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.Order(StringComparer.Ordinal).ToList();
        var tokens = await db.ScimTokens.AsNoTracking().Where(t => companies.Contains(t.CompanyCode)).ToListAsync(cancellationToken);
        return new ScimTokens(tokens.OrderBy(t => t.CreatedAt).ThenBy(t => t.Prefix, StringComparer.Ordinal).Select(t => t.ToDto()).ToList(),
            companies);
    }
}
