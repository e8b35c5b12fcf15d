namespace InternalStore.Domain.Catalog;

/// <summary>A recorded stock movement made by a person, with the reason they gave.</summary>
public sealed class StockAdjustment
{
    public const int MaxReasonLength = 500;

    private StockAdjustment()
    {
        Sku = Reason = AdjustedBy = string.Empty;
    }

    internal StockAdjustment(string sku, int delta, int stockAfter, string reason, string adjustedBy, DateTimeOffset at,
        string? idempotencyKey)
    {
        IdempotencyKey = idempotencyKey;
        Sku = sku;
        Delta = delta;
        StockAfter = stockAfter;
        Reason = reason;
        AdjustedBy = adjustedBy;
        At = at;
    }

    public long Id { get; private set; }
    public string Sku { get; private set; }
    public int Delta { get; private set; }
    public int StockAfter { get; private set; }
    public string Reason { get; private set; }
    public string AdjustedBy { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The caller's key for this adjustment; unique per <see cref="AdjustedBy"/>.</summary>
    public string? IdempotencyKey { get; private set; }

    public bool IsSameRequestAs(string sku, int delta, string reason) =>
        Sku == sku && Delta == delta && Reason == reason;
}
