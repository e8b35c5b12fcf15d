using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Access;

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Creates a storefront key. The secret is in the result once and is never stored.</summary>
public sealed record CreateApiKeyCommand(string Name) : ICommand<CreatedApiKey>;

public sealed record CreatedApiKey(ApiKeyDto Key, string Secret);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(100).OverridePropertyName("name");
}

public sealed class CreateApiKeyHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var (key, secret) = ApiKey.Create(command.Name, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.ToDto(), secret);
    }
}

public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(IStoreDb db) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.CreatedAt).Select(k => k.ToDto()).ToList();
    }
}

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

internal static class ApiKeyMapping
{
    public static ApiKeyDto ToDto(this ApiKey key) => new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.RevokedAt);
}
