namespace InternalStore.Application.Checkout;

/// <summary>
/// The card payment provider (Stripe). Every call that creates or moves money takes an idempotency
/// key derived from a business id, so repeating it — a retry, a second request, a reconciler after
/// a crash — reaches the same object instead of a second one.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no secret key is configured: card checkout is then unavailable.</summary>
    bool IsConfigured { get; }

    Task<PaymentIntentInfo> CreateIntentAsync(Guid orderId, long amountMinor, string currency, string idempotencyKey,
        CancellationToken cancellationToken);

    Task<PaymentIntentInfo> GetIntentAsync(string intentId, CancellationToken cancellationToken);

    /// <summary>Confirms with a payment method the buyer saved with the provider; a decline throws <see cref="PaymentDeclinedException"/>.</summary>
    Task<PaymentIntentInfo> ConfirmIntentAsync(string intentId, string paymentMethod, string idempotencyKey,
        CancellationToken cancellationToken);

    /// <summary>Cancels an intent nobody should pay any more; one that already succeeded is left as it is.</summary>
    Task<PaymentIntentInfo> CancelIntentAsync(string intentId, string idempotencyKey, CancellationToken cancellationToken);

    Task<ProviderRefund> RefundAsync(string intentId, long amountMinor, string idempotencyKey,
        CancellationToken cancellationToken);
}

/// <param name="Status">The provider's status: requires_payment_method, requires_confirmation, processing, succeeded, canceled, ...</param>
public sealed record PaymentIntentInfo(string Id, string Status, long Amount, string Currency, string? ClientSecret,
    string? LastError = null)
{
    public bool Succeeded => Status == "succeeded";
    public bool Canceled => Status == "canceled";
}

public sealed record ProviderRefund(string Id, string Status)
{
    public bool Succeeded => Status == "succeeded";
    public bool Failed => Status is "failed" or "canceled";
}

/// <summary>The card was declined (HTTP 402, code payment-failed). Not a provider fault.</summary>
public sealed class PaymentDeclinedException(string message) : Exception(message);

/// <summary>The provider cannot be reached or refuses load now (HTTP 503 with Retry-After). Nothing was settled.</summary>
public sealed class PaymentProviderUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The provider rejected a request this store made (HTTP 502): a fault to investigate, not the buyer's.</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);
