using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Access;

/// <summary>Revokes a key by id or by its displayed prefix. Revoking twice is harmless.</summary>
public sealed record RevokeApiKeyCommand(string IdOrPrefix) : ICommand<ApiKeyDto>;

public sealed class RevokeApiKeyHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = Guid.TryParse(command.IdOrPrefix, out var id)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            : await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == command.IdOrPrefix, cancellationToken);
        if (key is null)
            throw new NotFoundException("API key", command.IdOrPrefix);
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return key.ToDto();
    }
}
