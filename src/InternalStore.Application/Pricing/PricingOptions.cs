namespace InternalStore.Application.Pricing;

/// <summary>The <c>Pricing</c> configuration section.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>The store's currency: every product is priced in it.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>How long a quote token holds its prices.</summary>
    public int QuoteLifetimeMinutes { get; set; } = 15;

    /// <summary>
    /// How long quotes and authentication may reuse rules, catalog facts, employees and storefront keys
    /// read from the database (0 turns the cache off). This process drops them at once on a change;
    /// other processes on the same database see the change within this time.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;

    /// <summary>The most entries each region of the read cache holds (rules and catalog facts; buyers' use).</summary>
    public int CacheEntries { get; set; } = 10_000;

    /// <summary>Secret for quote tokens; empty means derived from Auth:SigningKey (or random per process).</summary>
    public string? QuoteTokenKey { get; set; }
}
