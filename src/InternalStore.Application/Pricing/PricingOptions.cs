namespace InternalStore.Application.Pricing;

/// <summary>The <c>Pricing</c> configuration section.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>The store's currency: every product is priced in it.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>How long a quote token holds its prices.</summary>
    public int QuoteLifetimeMinutes { get; set; } = 15;

    /// <summary>Secret for quote tokens; empty means derived from Auth:SigningKey (or random per process).</summary>
    public string? QuoteTokenKey { get; set; }
}
