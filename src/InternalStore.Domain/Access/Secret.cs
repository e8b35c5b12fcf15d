using System.Security.Cryptography;
using System.Text;

namespace InternalStore.Domain.Access;

/// <summary>
/// The bearer secrets the store issues (storefront keys, SCIM tokens): 256 random bits after a prefix
/// that says what they are. Only a SHA-256 hash is kept: for random values of that size a slow
/// password hash would add cost without adding safety.
/// </summary>
public static class Secret
{
    /// <summary>How many leading characters are kept to recognise a secret in listings.</summary>
    public const int ShownLength = 12;

    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
