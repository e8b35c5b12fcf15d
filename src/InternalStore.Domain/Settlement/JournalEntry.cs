namespace InternalStore.Domain.Settlement;

public enum JournalKind
{
    /// <summary>A department's purchase, debited to its cost centre at the transfer price.</summary>
    Chargeback,
    ChargebackReversal,

    /// <summary>An affiliate's purchase, invoiced at the intercompany price.</summary>
    IntercompanyInvoice,
    IntercompanyCredit,
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

    public Guid Id { get; private set; }
    public JournalKind Kind { get; private set; }
    public Guid OrderId { get; private set; }
    public string BuyerCompany { get; private set; }
    public string? CostCenter { get; private set; }
    public string SellerCompany { get; private set; }
    public decimal Amount { get; private set; }
    public decimal Cost { get; private set; }
    public decimal Markup => Amount - Cost;
    public string Currency { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public string Memo { get; private set; }
}
