using InternalStore.Domain.Common;

namespace InternalStore.Domain.Ordering;

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
        BuyerId = Company = SellerCompany = Currency = IdempotencyKey = RequestHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public BuyerKind BuyerKind { get; private set; }

    /// <summary>The person who placed it (token <c>sub</c>).</summary>
    public string BuyerId { get; private set; }

    /// <summary>The company the buyer belongs to (for affiliates: the buying company).</summary>
    public string Company { get; private set; }

    /// <summary>The company that sells: the buyer's own for employees and departments, the supplier for affiliates.</summary>
    public string SellerCompany { get; private set; }

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

    /// <summary>The settlement method chosen at checkout; fixed from then on.</summary>
    public PaymentMethod? PaymentMethod { get; private set; }

    /// <summary>The Idempotency-Key and request hash of the checkout that chose the method.</summary>
    public string? CheckoutKey { get; private set; }

    public string? CheckoutHash { get; private set; }

    /// <summary>The chosen method keeps the goods until the order is settled: no expiry, no cancelling.</summary>
    public bool HeldUntilSettled { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>What buyers owe: the sum of the lines, frozen at placement.</summary>
    public decimal Total => Subtotal;

    /// <summary>What the lines cost the seller (unit cost at placement times quantity), for journal entries.</summary>
    public decimal Cost => _lines.Sum(l => l.UnitCost * l.Quantity);

    public decimal RefundedAmount { get; private set; }
    public long Version { get; private set; }

    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderStatusChange> History => _history;

    /// <summary>Reserved stock and allowance are still held by this order.</summary>
    public bool HoldsReservations => Status == OrderStatus.AwaitingPayment;

    /// <summary>
    /// The statuses in which an order's units count as bought (quantity limits, policy simulation):
    /// awaiting payment, paid, fulfilled, partly refunded; not cancelled, expired or refunded in full.
    /// </summary>
    public static IReadOnlyList<OrderStatus> PurchaseStatuses { get; } =
        [OrderStatus.AwaitingPayment, OrderStatus.Paid, OrderStatus.Fulfilled, OrderStatus.PartiallyRefunded];

    /// <summary>
    /// Places an order and takes what it needs in the same step: each line's units from its product's
    /// stock and the lines' allowance into the buyer's ledger, so no order exists unreserved.
    /// </summary>
    public static Order Place(OrderPlacement placement)
    {
        var lines = placement.Lines;
        if (lines.Count == 0)
            throw new ArgumentException("An order has at least one line.", nameof(placement));
        var allowance = lines.Sum(l => l.AllowanceTaken);
        if (allowance > 0 && placement.Ledger is null)
            throw new ArgumentException("An order that takes allowance needs the buyer's ledger.", nameof(placement));
        // Every product is checked before any is touched: a refusal leaves all of them as they were.
        var wanted = lines.GroupBy(l => l.Sku).Select(g => (
            Product: placement.Products.GetValueOrDefault(g.Key)
                     ?? throw new ArgumentException($"No product {g.Key} to reserve from.", nameof(placement)),
            Quantity: g.Sum(l => l.Quantity))).ToList();
        foreach (var (product, quantity) in wanted)
            product.EnsureReservable(quantity);
        foreach (var (product, quantity) in wanted)
            product.Reserve(quantity, placement.Now);

        placement.Ledger?.Reserve(allowance);
        var order = new Order
        {
            Id = Guid.NewGuid(),
            BuyerKind = placement.Kind,
            BuyerId = placement.BuyerId,
            Company = placement.Company,
            SellerCompany = placement.SellerCompany,
            CostCenter = placement.CostCenter,
            Currency = placement.Currency,
            Status = OrderStatus.AwaitingPayment,
            Subtotal = lines.Sum(l => l.LineTotal),
            DiscountTotal = lines.Sum(l => l.Discount),
            AllowanceReserved = allowance,
            AllowanceYear = placement.Now.UtcDateTime.Year,
            PlacedAt = placement.Now,
            ExpiresAt = placement.Now + placement.Hold,
            IdempotencyKey = placement.IdempotencyKey,
            RequestHash = placement.RequestHash,
        };
        order._lines.AddRange(lines);
        order._history.Add(new OrderStatusChange(null, OrderStatus.AwaitingPayment, placement.BuyerId, placement.Now, "placed"));
        return order;
    }

    public void Cancel(string by, DateTimeOffset now)
    {
        if (Status == OrderStatus.AwaitingPayment && HeldUntilSettled)
            throw new ConflictException("invalid-state",
                $"The order is settled by {PaymentMethod!.Value.WireName()}: it holds its goods until finance settles it.");
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
        if (Status != OrderStatus.AwaitingPayment || now < ExpiresAt || HeldUntilSettled)
            return false;
        Move(OrderStatus.Expired, "system", now, "payment hold ran out");
        return true;
    }

    /// <summary>
    /// Fixes how the order will be settled, once: a second checkout must use the same method. Which
    /// methods fit which buyer is the settlement method's to say (the application checks it first).
    /// </summary>
    /// <param name="holdsGoodsUntilSettled">The method keeps the order's goods until it is settled (an
    /// intercompany invoice): from now on the order neither expires nor is cancelled.</param>
    public void ChooseMethod(PaymentMethod method, bool holdsGoodsUntilSettled, string checkoutKey, string checkoutHash)
    {
        if (Status != OrderStatus.AwaitingPayment)
            throw new ConflictException("invalid-state", $"An order that is {Describe(Status)} cannot be checked out.");
        if (PaymentMethod is { } chosen && chosen != method)
            throw new ConflictException("invalid-state",
                $"Checkout of this order started with {chosen.WireName()}; cancel it and order again to pay another way.");
        if (PaymentMethod is null)
            HeldUntilSettled = holdsGoodsUntilSettled;
        PaymentMethod ??= method;
        CheckoutKey ??= checkoutKey;
        CheckoutHash ??= checkoutHash;
    }

    /// <summary>
    /// The method sent the buyer a document to settle (an invoice): the order keeps its reservations,
    /// without expiry, until finance settles it. <paramref name="note"/> says what was sent.
    /// </summary>
    public void AwaitSettlement(string note, string by, DateTimeOffset now)
    {
        if (!HeldUntilSettled || Status != OrderStatus.AwaitingPayment)
            throw new ConflictException("invalid-state",
                "Only an order awaiting payment by a method that holds its goods awaits a settlement document.");
        _history.Add(new OrderStatusChange(Status, Status, by, now, note));
        Version++;
    }

    public void MarkPaid(string by, DateTimeOffset now, string how)
    {
        if (Status != OrderStatus.AwaitingPayment)
            throw new ConflictException("invalid-state", $"An order that is {Describe(Status)} cannot be paid.");
        PaidAt = now;
        Move(OrderStatus.Paid, by, now, how);
    }

    /// <summary>
    /// A card payment that arrived after the hold ran out: the caller has taken the stock and allowance
    /// back for it, so the order is paid after all.
    /// </summary>
    public void MarkPaidAfterExpiry(string by, DateTimeOffset now, string how)
    {
        if (Status != OrderStatus.Expired)
            throw new ConflictException("invalid-state", $"Only an expired order is reinstated; this one is {Describe(Status)}.");
        PaidAt = now;
        Move(OrderStatus.Paid, by, now, how);
    }

    public bool IsSettled => Status is OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.PartiallyRefunded
        or OrderStatus.Refunded;

    /// <summary>What is left to refund: never more than was paid.</summary>
    public decimal Refundable => IsSettled ? Total - RefundedAmount : 0m;

    /// <summary>
    /// Who may ask for a refund, and until when: finance, of any settled order; its buyer within
    /// <paramref name="refundWindowDays"/> days after payment. Whether goods came back is the
    /// warehouse's call, not the buyer's: a buyer asking for <paramref name="returnToStock"/> is
    /// refused (finance records it with the refund, catalog staff with a stock adjustment).
    /// </summary>
    public void EnsureRefundAllowed(string requester, bool byFinance, bool returnToStock, DateTimeOffset now,
        int refundWindowDays)
    {
        if (byFinance)
            return;
        if (BuyerId != requester)
            throw new ForbiddenException("Refunds are made by finance, or by the buyer within the refund window.");
        if (returnToStock)
            throw new ForbiddenException("Goods return to stock when the warehouse receives them: finance records that with "
                + "the refund, catalog staff with a stock adjustment. Ask for the refund without returnToStock.");
        if (RefundWindowEnds(refundWindowDays) is { } ends && now > ends)
            throw new ForbiddenException(
                $"The refund window of {refundWindowDays} days after payment has closed; ask finance.");
    }

    /// <summary>Until when the buyer may ask for a refund themselves (finance may later); null before payment.</summary>
    public DateTimeOffset? RefundWindowEnds(int refundWindowDays) => PaidAt?.AddDays(refundWindowDays);

    /// <summary>Records a refund of <paramref name="amount"/>; the order is refunded once nothing is left.</summary>
    public void RecordRefund(decimal amount, string by, DateTimeOffset now, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!IsSettled || Status == OrderStatus.Refunded)
            throw new ConflictException("invalid-state", $"An order that is {Describe(Status)} cannot be refunded.");
        if (amount > Refundable)
            throw new ConflictException("invalid-state",
                $"A refund of {amount} is more than the {Refundable} left to refund on this order.");
        RefundedAmount += amount;
        var to = RefundedAmount == Total ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
        if (to != Status)
            Move(to, by, now, reason);
        else
            Version++;
    }

    /// <summary>Something done to the order that leaves its status (an instalment moved), kept in its history.</summary>
    public void Note(string by, DateTimeOffset now, string what)
    {
        _history.Add(new OrderStatusChange(Status, Status, by, now, what));
        Version++;
    }

    /// <summary>A payment for an order that can no longer be sold (expired, cancelled) is noted before it is refunded.</summary>
    public void NoteUnwantedPayment(string by, DateTimeOffset now, string reason)
    {
        _history.Add(new OrderStatusChange(Status, Status, by, now, reason));
        Version++;
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
