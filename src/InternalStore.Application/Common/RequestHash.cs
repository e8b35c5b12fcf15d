using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InternalStore.Application.Common;

/// <summary>
/// What a client asked for, as a SHA-256 hex digest stored beside an idempotency key: the same key
/// with the same request replays, with another request it is 422. One recipe for every command.
/// </summary>
public static class RequestHash
{
    /// <summary>The digest of a canonical text.</summary>
    public static string Of(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>The digest of a value's JSON (property names as declared, in declaration order).</summary>
    public static string OfJson<T>(T canonical) => Of(JsonSerializer.Serialize(canonical));
}
