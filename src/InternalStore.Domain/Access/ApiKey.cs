namespace InternalStore.Domain.Access;

/// <summary>A storefront API key; only the hash of its <see cref="Secret"/> is kept.</summary>
public sealed class ApiKey
{
    private const string SecretPrefix = "isk_";

    private ApiKey()
    {
        Name = Prefix = Hash = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The first characters of the secret, to recognise a key in listings.</summary>
    public string Prefix { get; private set; }

    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a key; the returned secret is shown once and never stored.</summary>
    public static (ApiKey Key, string Secret) Create(string name, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Secret.New(SecretPrefix);
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = secret[..Secret.ShownLength],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (key, secret);
    }

    public static string HashOf(string secret) => Secret.HashOf(secret);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
