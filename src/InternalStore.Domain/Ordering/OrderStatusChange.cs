namespace InternalStore.Domain.Ordering;

/// <summary>Who moved an order from one state to another, and when.</summary>
public sealed class OrderStatusChange
{
    private OrderStatusChange()
    {
        By = Reason = string.Empty;
    }

    public OrderStatusChange(OrderStatus? from, OrderStatus to, string by, DateTimeOffset at, string reason)
    {
        From = from;
        To = to;
        By = by;
        At = at;
        Reason = reason;
    }

    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public OrderStatus? From { get; private set; }
    public OrderStatus To { get; private set; }
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; }
}
