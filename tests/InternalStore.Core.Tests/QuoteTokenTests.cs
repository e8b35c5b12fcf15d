using InternalStore.Application.Pricing;
using Microsoft.Extensions.Time.Testing;

namespace InternalStore.Core.Tests;

public sealed class QuoteTokenTests
{
    private static readonly byte[] Key = QuoteTokens.DeriveKey("test");

    private static QuoteClaims Claims(DateTimeOffset expires) =>
        new("E1001", "employee", "USD", [new QuotedLine("LAP-13", 1, 1169.10m, 1169.10m, 129.90m)], 1169.10m, 129.90m, expires);

    [Fact]
    public void A_signed_token_checks_out_with_its_claims()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-02-10T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var tokens = new QuoteTokens(Key, clock);

        var token = tokens.Sign(Claims(clock.GetUtcNow().AddMinutes(15)));

        Assert.Equal(QuoteTokenCheck.Valid, tokens.Check(token, out var claims));
        Assert.Equal(1169.10m, claims!.Lines[0].UnitPrice);
    }

    [Fact]
    public void A_token_changed_in_any_character_is_invalid()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new QuoteTokens(Key, clock);
        var token = tokens.Sign(Claims(clock.GetUtcNow().AddMinutes(15)));

        for (var i = 0; i < token.Length; i += 7)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(QuoteTokenCheck.Invalid, tokens.Check(tampered, out _));
        }

        Assert.Equal(QuoteTokenCheck.Invalid, new QuoteTokens(QuoteTokens.DeriveKey("other"), clock).Check(token, out _));
        Assert.Equal(QuoteTokenCheck.Invalid, tokens.Check("not-a-token", out _));
    }

    [Fact]
    public void A_token_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new QuoteTokens(Key, clock);
        var token = tokens.Sign(Claims(clock.GetUtcNow().AddMinutes(15)));

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(QuoteTokenCheck.Expired, tokens.Check(token, out _));
    }
}
