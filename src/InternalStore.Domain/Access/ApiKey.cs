using System.Security.Cryptography;
using System.Text;

namespace InternalStore.Domain.Access;

/// <summary>
/// A storefront API key. Only a SHA-256 hash of the secret is kept: the keys are 256-bit random
/// values, so a slow password hash would add cost without adding safety.
/// </summary>
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
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = secret[..12],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (key, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
