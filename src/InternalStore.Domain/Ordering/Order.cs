using InternalStore.Domain.Common;

namespace InternalStore.Domain.Ordering;

public enum OrderStatus
{
    AwaitingPayment,
    Paid,
    Fulfilled,
    Cancelled,
    Expired,
    PartiallyRefunded,
    Refunded,
}

public enum BuyerKind
{
    Employee,
    Department,
    Affiliate,
}

/// <summary>
/// An order with its lines' prices frozen at placement. Stock and allowance are reserved while it
/// awaits payment; cancelling or expiring releases them. Every transition is recorded.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _history = [];

    private Order()
    {
        BuyerId = Company = Currency = IdempotencyKey = RequestHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public BuyerKind BuyerKind { get; private set; }

    /// <summary>The person who placed it (token <c>sub</c>).</summary>
    public string BuyerId { get; private set; }

    /// <summary>The company the buyer belongs to (for affiliates: the buying company).</summary>
    public string Company { get; private set; }

    public string? CostCenter { get; private set; }
    public string Currency { get; private set; }
    public OrderStatus Status { get; private set; }
    public decimal Subtotal { get; private set; }
    public decimal DiscountTotal { get; private set; }

    /// <summary>Allowance reserved (then committed) by this order, in the calendar year <see cref="AllowanceYear"/>.</summary>
    public decimal AllowanceReserved { get; private set; }

    public int AllowanceYear { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public string IdempotencyKey { get; private set; }

    /// <summary>Hash of what the client asked for, to tell a replay from a reused key.</summary>
    public string RequestHash { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderStatusChange> History => _history;

    /// <summary>Reserved stock and allowance are still held by this order.</summary>
    public bool HoldsReservations => Status == OrderStatus.AwaitingPayment;

    public static Order Place(BuyerKind kind, string buyerId, string company, string? costCenter, string currency,
        IReadOnlyList<OrderLine> lines, decimal allowanceReserved, DateTimeOffset now, TimeSpan hold,
        string idempotencyKey, string requestHash)
    {
        if (lines.Count == 0)
            throw new ArgumentException("An order has at least one line.", nameof(lines));
        var order = new Order
        {
            Id = Guid.NewGuid(),
            BuyerKind = kind,
            BuyerId = buyerId,
            Company = company,
            CostCenter = costCenter,
            Currency = currency,
            Status = OrderStatus.AwaitingPayment,
            Subtotal = lines.Sum(l => l.LineTotal),
            DiscountTotal = lines.Sum(l => l.Discount),
            AllowanceReserved = allowanceReserved,
            AllowanceYear = now.UtcDateTime.Year,
            PlacedAt = now,
            ExpiresAt = now + hold,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        order._lines.AddRange(lines);
        order._history.Add(new OrderStatusChange(null, OrderStatus.AwaitingPayment, buyerId, now, "placed"));
        return order;
    }

    public void Cancel(string by, DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingPayment)
            throw new ConflictException("invalid-state",
                Status == OrderStatus.Cancelled
                    ? "The order is already cancelled."
                    : $"An order that is {Describe(Status)} cannot be cancelled here; a paid order is refunded instead.");
        Move(OrderStatus.Cancelled, by, now, "cancelled");
    }

    /// <summary>Expires the order if its hold has run out; false when there is nothing to do.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingPayment || now < ExpiresAt)
            return false;
        Move(OrderStatus.Expired, "system", now, "payment hold ran out");
        return true;
    }

    public void MarkPaid(string by, DateTimeOffset now, string how)
    {
        if (Status != OrderStatus.AwaitingPayment)
            throw new ConflictException("invalid-state", $"An order that is {Describe(Status)} cannot be paid.");
        Move(OrderStatus.Paid, by, now, how);
    }

    public void Fulfil(string by, DateTimeOffset now)
    {
        if (Status != OrderStatus.Paid)
            throw new ConflictException("invalid-state", $"Only a paid order can be fulfilled; this one is {Describe(Status)}.");
        Move(OrderStatus.Fulfilled, by, now, "fulfilled");
    }

    private void Move(OrderStatus to, string by, DateTimeOffset now, string reason)
    {
        _history.Add(new OrderStatusChange(Status, to, by, now, reason));
        Status = to;
        Version++;
    }

    private static string Describe(OrderStatus status) => status switch
    {
        OrderStatus.AwaitingPayment => "awaiting payment",
        OrderStatus.PartiallyRefunded => "partially refunded",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>A line with its price snapshot and the explanation of how it was priced.</summary>
public sealed class OrderLine
{
    private OrderLine()
    {
        Sku = Name = Explanation = string.Empty;
    }

    public OrderLine(string sku, string name, int quantity, decimal listPrice, decimal unitPrice, decimal lineTotal,
        decimal discount, decimal allowanceTaken, string explanation)
    {
        Sku = sku;
        Name = name;
        Quantity = quantity;
        ListPrice = listPrice;
        UnitPrice = unitPrice;
        LineTotal = lineTotal;
        Discount = discount;
        AllowanceTaken = allowanceTaken;
        Explanation = explanation;
    }

    public long Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public int Quantity { get; private set; }
    public decimal ListPrice { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal LineTotal { get; private set; }
    public decimal Discount { get; private set; }
    public decimal AllowanceTaken { get; private set; }

    /// <summary>The pricing explanation as JSON, frozen with the price.</summary>
    public string Explanation { get; private set; }
}

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
