using InternalStore.Domain.Ordering;

namespace InternalStore.Domain.Settlement;

public enum RefundStatus
{
    /// <summary>Recorded; the card refund waits in the outbox.</summary>
    Pending,
    Succeeded,
    Failed,
}

/// <summary>Money given back on a settled order, whole or by lines, by the way it was paid.</summary>
public sealed class Refund
{
    private readonly List<RefundLine> _lines = [];

    private Refund()
    {
        IdempotencyKey = RequestHash = RequestedBy = Reason = Currency = string.Empty;
    }

    /// <param name="waitsForProvider">The method refunds through a provider (a card): the refund is
    /// pending until the provider confirms it; otherwise it is done in this transaction.</param>
    public Refund(Guid orderId, PaymentMethod method, bool waitsForProvider, string idempotencyKey, string requestHash, string requestedBy,
        string reason, bool returnToStock, string currency, IEnumerable<RefundLine> lines, decimal allowanceRestored,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrderId = orderId;
        Method = method;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
        RequestedBy = requestedBy;
        Reason = reason;
        ReturnToStock = returnToStock;
        Currency = currency;
        _lines.AddRange(lines);
        Amount = _lines.Sum(l => l.Amount);
        AllowanceRestored = allowanceRestored;
        CreatedAt = now;
        Status = waitsForProvider ? RefundStatus.Pending : RefundStatus.Succeeded;
        CompletedAt = waitsForProvider ? null : now;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public PaymentMethod Method { get; private set; }
    public string IdempotencyKey { get; private set; }
    public string RequestHash { get; private set; }
    public string RequestedBy { get; private set; }
    public string Reason { get; private set; }
    public bool ReturnToStock { get; private set; }
    public string Currency { get; private set; }
    public decimal Amount { get; private set; }
    public decimal AllowanceRestored { get; private set; }
    public RefundStatus Status { get; private set; }
    public string? ProviderRefundId { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<RefundLine> Lines => _lines;

    /// <summary>The key the provider sees: one refund, however often the call is repeated.</summary>
    public string ProviderIdempotencyKey => $"refund:{Id}";

    public void ProviderAccepted(string providerRefundId, bool succeeded, DateTimeOffset now)
    {
        ProviderRefundId = providerRefundId;
        if (succeeded && Status != RefundStatus.Succeeded)
        {
            Status = RefundStatus.Succeeded;
            CompletedAt = now;
        }

        Version++;
    }

    public void ProviderFailed(string reason, DateTimeOffset now)
    {
        Status = RefundStatus.Failed;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        CompletedAt = now;
        Version++;
    }
}

public sealed class RefundLine
{
    private RefundLine()
    {
        Sku = string.Empty;
    }

    public RefundLine(string sku, int quantity, decimal amount)
    {
        Sku = sku;
        Quantity = quantity;
        Amount = amount;
    }

    public string Sku { get; private set; }
    public int Quantity { get; private set; }
    public decimal Amount { get; private set; }
}
