namespace InternalStore.Infrastructure.Payments;

/// <summary>The <c>Stripe</c> configuration section. Without a secret key, card checkout is unavailable.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    public string? SecretKey { get; set; }

    /// <summary>The publishable key (pk_...) the shop's card page gives Stripe.js; without it the shop offers no card form.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (whsec_...).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Another Stripe-compatible API base (tests point it at a local fake); empty for Stripe itself.</summary>
    public string? ApiBase { get; set; }

    /// <summary>Stripe.net's own retries, which reuse the idempotency key; the only retry layer.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Per attempt.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds of signature-timestamp tolerance for webhooks.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>The circuit opens when this share of calls fails...</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>...among at least this many calls in the sampling window (Polly's default of 100 never trips at store volumes).</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    public int BreakerSamplingSeconds { get; set; } = 30;
    public int BreakerBreakSeconds { get; set; } = 15;

    /// <summary>Calls per second this process makes to Stripe at most (Stripe allows 100 live, 25 in test mode).</summary>
    public int RateLimitPerSecond { get; set; } = 20;

    /// <summary>How often the settlement worker dispatches the outbox and reconciles payments; 0 turns it off.</summary>
    public int WorkerIntervalSeconds { get; set; } = 15;

    /// <summary>A payment whose outcome is unknown this long is asked about.</summary>
    public int ReconcileAfterSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
