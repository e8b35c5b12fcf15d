using InternalStore.Domain.Access;

namespace InternalStore.Application.Provisioning;

/// <summary>A SCIM token as listings show it: never its secret.</summary>
public sealed record ScimTokenDto(Guid Id, string Company, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>How the token's changes are signed in the employee audit trail.</summary>
    public string AuditName => ScimTokenCaller.SubjectOf(Prefix);
}

internal static class ScimTokenMapping
{
    public static ScimTokenDto ToDto(this ScimToken token) =>
        new(token.Id, token.CompanyCode, token.Name, token.Prefix, token.CreatedAt, token.RevokedAt);
}

/// <summary>The caller a SCIM token authenticates as.</summary>
public static class ScimTokenCaller
{
    /// <summary>The token's prefix: it says "scim_" already, and it is how listings show the token.</summary>
    public static string SubjectOf(string prefix) => prefix;
}
