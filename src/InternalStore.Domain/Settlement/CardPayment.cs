namespace InternalStore.Domain.Settlement;

public enum CardPaymentStatus
{
    /// <summary>Recorded before Stripe is asked: the PaymentIntent may or may not exist yet.</summary>
    Creating,
    AwaitingConfirmation,
    Failed,
    Succeeded,
    Canceled,
}

/// <summary>
/// The one Stripe PaymentIntent of an order. Its idempotency key is derived from the order, so every
/// attempt (a retry, a double submit, the reconciler after a crash) reaches the same intent.
/// </summary>
public sealed class CardPayment
{
    private CardPayment()
    {
        IdempotencyKey = Currency = string.Empty;
    }

    public CardPayment(Guid orderId, long amountMinor, string currency, DateTimeOffset now)
    {
        OrderId = orderId;
        AmountMinor = amountMinor;
        Currency = currency;
        IdempotencyKey = KeyFor(orderId);
        Status = CardPaymentStatus.Creating;
        CreatedAt = UpdatedAt = now;
    }

    public static string KeyFor(Guid orderId) => $"order:{orderId}:payment-intent";

    public Guid OrderId { get; private set; }
    public string? IntentId { get; private set; }
    public string IdempotencyKey { get; private set; }

    /// <summary>The amount in the currency's minor unit, as Stripe counts it.</summary>
    public long AmountMinor { get; private set; }

    public string Currency { get; private set; }
    public CardPaymentStatus Status { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>Stripe has the intent. States only move forward: a late "created" never undoes an outcome.</summary>
    public void IntentCreated(string intentId, DateTimeOffset now)
    {
        if (IntentId is not null && IntentId != intentId)
            throw new InvalidOperationException($"Order {OrderId} already has PaymentIntent {IntentId}, not {intentId}.");
        IntentId = intentId;
        if (Status == CardPaymentStatus.Creating)
            Status = CardPaymentStatus.AwaitingConfirmation;
        Touch(now);
    }

    public void Declined(string reason, DateTimeOffset now)
    {
        if (Status is CardPaymentStatus.Succeeded or CardPaymentStatus.Canceled)
            return;
        Status = CardPaymentStatus.Failed;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        Touch(now);
    }

    public bool Succeed(DateTimeOffset now)
    {
        if (Status == CardPaymentStatus.Succeeded)
            return false;
        Status = CardPaymentStatus.Succeeded;
        LastError = null;
        Touch(now);
        return true;
    }

    public void Canceled(DateTimeOffset now)
    {
        if (Status == CardPaymentStatus.Succeeded)
            return;
        Status = CardPaymentStatus.Canceled;
        Touch(now);
    }

    /// <summary>Outcomes a reconciler still has to find out.</summary>
    public bool OutcomeUnknown => Status is CardPaymentStatus.Creating or CardPaymentStatus.AwaitingConfirmation;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
