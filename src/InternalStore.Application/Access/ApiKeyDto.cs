using InternalStore.Domain.Access;

namespace InternalStore.Application.Access;

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

internal static class ApiKeyMapping
{
    public static ApiKeyDto ToDto(this ApiKey key) => new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.RevokedAt);
}
