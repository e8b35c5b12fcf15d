namespace InternalStore.Domain.Settlement;

public enum JournalKind
{
    /// <summary>A department's purchase, debited to its cost centre at the transfer price.</summary>
    Chargeback,
    ChargebackReversal,

    /// <summary>An affiliate's purchase, invoiced at the intercompany price.</summary>
    IntercompanyInvoice,
    IntercompanyCredit,

    /// <summary>An internal service used by a cost centre at month-end close: the consumer debited, the supplier centre credited.</summary>
    ServiceCharge,

    /// <summary>A disputed goods chargeback corrected (negative: a credit), in the seller's next open month.</summary>
    ChargebackAdjustment,
}

/// <summary>
/// An internal posting between parts of the group: the buyer (a cost centre or an affiliate company)
/// is debited and the selling company credited. Reversals carry negative amounts, so a statement is a
/// plain sum. Cost is kept beside the amount so finance sees the markup.
/// </summary>
public sealed class JournalEntry
{
    private JournalEntry()
    {
        BuyerCompany = SellerCompany = Currency = Memo = string.Empty;
    }

    public JournalEntry(JournalKind kind, Guid orderId, string buyerCompany, string? costCenter, string sellerCompany,
        decimal amount, decimal cost, string currency, DateTimeOffset postedAt, string memo)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        OrderId = orderId;
        BuyerCompany = buyerCompany;
        CostCenter = costCenter;
        SellerCompany = sellerCompany;
        Amount = amount;
        Cost = cost;
        Currency = currency;
        PostedAt = postedAt;
        Memo = memo;
    }

    /// <summary>A service charge's posting for a priced usage entry (<see cref="OrderId"/> is empty).</summary>
    public static JournalEntry ForService(InternalServices.UsageEntry usage, DateTimeOffset postedAt, string memo) =>
        new(JournalKind.ServiceCharge, Guid.Empty, usage.ConsumerCompany, usage.ConsumerCostCenter, usage.SupplierCompany,
            usage.Amount!.Value, usage.Cost!.Value, usage.Currency, postedAt, memo)
        {
            SupplierCostCenter = usage.SupplierCostCenter,
            UsageEntryId = usage.Id,
        };

    /// <summary>A correction of a disputed goods chargeback by <paramref name="delta"/>, with cost in the line's proportion.</summary>
    public JournalEntry Adjustment(decimal delta, DateTimeOffset postedAt, string memo) =>
        new(JournalKind.ChargebackAdjustment, OrderId, BuyerCompany, CostCenter, SellerCompany, delta,
            Amount == 0 ? delta : InternalStore.Pricing.Currencies.Round(delta * Cost / Amount, Currency), Currency, postedAt, memo)
        {
            CorrectsId = Id,
        };

    public Guid Id { get; private set; }
    public JournalKind Kind { get; private set; }
    public Guid OrderId { get; private set; }
    public string BuyerCompany { get; private set; }
    public string? CostCenter { get; private set; }

    /// <summary>The supplying cost centre of a service charge.</summary>
    public string? SupplierCostCenter { get; private init; }

    public Guid? UsageEntryId { get; private init; }

    /// <summary>The entry an adjustment corrects.</summary>
    public Guid? CorrectsId { get; private init; }

    public string SellerCompany { get; private set; }
    public decimal Amount { get; private set; }
    public decimal Cost { get; private set; }
    public decimal Markup => Amount - Cost;
    public string Currency { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string Memo { get; private set; }
}
