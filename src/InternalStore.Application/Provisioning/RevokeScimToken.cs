using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Provisioning;

/// <summary>Revokes a SCIM token by id or by its prefix; its provider is refused from then on. Revoking twice is harmless.</summary>
public sealed record RevokeScimTokenCommand(Caller Caller, string IdOrPrefix) : ICommand<ScimTokenDto>, ICallerMessage;

public sealed class RevokeScimTokenHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : ICommandHandler<RevokeScimTokenCommand, ScimTokenDto>
{
    public async ValueTask<ScimTokenDto> Handle(RevokeScimTokenCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var token = Guid.TryParse(command.IdOrPrefix, out var id)
            ? await db.ScimTokens.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            : await db.ScimTokens.FirstOrDefaultAsync(t => t.Prefix == command.IdOrPrefix, cancellationToken);
        if (token is null || !scope.Covers(token.CompanyCode))
            throw new NotFoundException("SCIM token", command.IdOrPrefix);
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return token.ToDto();
    }
}
