namespace InternalStore.Domain.Access;

/// <summary>
/// The bearer token an identity provider provisions one company's people with (SCIM 2.0): it reaches
/// that company and the companies below it, never the rest of the group. Only the hash of its
/// <see cref="Secret"/> is kept.
/// </summary>
public sealed class ScimToken
{
    private const string SecretPrefix = "scim_";

    private ScimToken()
    {
        Name = Prefix = Hash = CompanyCode = string.Empty;
    }

    public Guid Id { get; private set; }
    public string CompanyCode { get; private set; }

    /// <summary>Who holds it, e.g. "Okta" or "Entra ID".</summary>
    public string Name { get; private set; }

    /// <summary>The first characters of the secret, to recognise the token in listings and in the audit trail.</summary>
    public string Prefix { get; private set; }

    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a token; the returned secret is shown once and never stored.</summary>
    public static (ScimToken Token, string Secret) Create(string companyCode, string name, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Access.Secret.New(SecretPrefix);
        var token = new ScimToken
        {
            Id = Guid.NewGuid(),
            CompanyCode = companyCode,
            Name = name,
            Prefix = secret[..Access.Secret.ShownLength],
            Hash = Access.Secret.HashOf(secret),
            CreatedAt = now,
        };
        return (token, secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
