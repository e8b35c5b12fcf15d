using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InternalStore.Application.Pricing;

/// <summary>What a quote token vouches for: this buyer, these lines, these prices, until then.</summary>
public sealed record QuoteClaims(
    string Buyer,
    string PricedAs,
    string Currency,
    IReadOnlyList<QuotedLine> Lines,
    decimal Subtotal,
    decimal AllowanceConsumed,
    DateTimeOffset ExpiresAt);

public sealed record QuotedLine(string Sku, long Quantity, decimal UnitPrice, decimal LineTotal, decimal AllowanceTaken);

public enum QuoteTokenCheck
{
    Valid,
    Invalid,
    Expired,
}

/// <summary>
/// Signs and checks quote tokens: base64url(JSON claims) "." base64url(HMAC-SHA256). Ordering
/// honours a valid token as a price lock; a token changed in any byte is invalid.
/// </summary>
public sealed class QuoteTokens(byte[] key, TimeProvider clock)
{
    public string Sign(QuoteClaims claims)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, PricingJson.Options);
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    public QuoteTokenCheck Check(string token, out QuoteClaims? claims)
    {
        claims = null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
            return QuoteTokenCheck.Invalid;
        try
        {
            claims = JsonSerializer.Deserialize<QuoteClaims>(payload, PricingJson.Options);
        }
        catch (JsonException)
        {
            return QuoteTokenCheck.Invalid;
        }

        if (claims is null)
            return QuoteTokenCheck.Invalid;
        return claims.ExpiresAt <= clock.GetUtcNow() ? QuoteTokenCheck.Expired : QuoteTokenCheck.Valid;
    }

    public static byte[] DeriveKey(string secret) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "internalstore quote token v1"u8);

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        // TryDecodeFromChars throws on characters outside the alphabet (a pasted login token's "=" or "+").
        if (!System.Buffers.Text.Base64Url.IsValid(text.AsSpan()))
        {
            bytes = [];
            return false;
        }

        bytes = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        if (System.Buffers.Text.Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}
