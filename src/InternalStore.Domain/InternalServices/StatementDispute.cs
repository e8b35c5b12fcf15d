using InternalStore.Domain.Common;

namespace InternalStore.Domain.InternalServices;

/// <summary>What a statement line is: a service used (a usage entry) or goods bought (a chargeback journal entry).</summary>
public enum StatementLineKind
{
    Service,
    Goods,
}

public enum DisputeStatus
{
    Open,
    Upheld,
    Adjusted,
}

/// <summary>
/// A consuming department's objection to one line of its statement, answered by the supplier: upheld
/// (the line stands) or adjusted (a correcting entry in the next open month). One dispute per line.
/// </summary>
public sealed class StatementDispute
{
    public const int MaxReasonLength = 1000;

    private StatementDispute()
    {
        CostCenter = ConsumerCompany = SupplierCompany = Month = Reason = RaisedBy = Currency = string.Empty;
    }

    public static StatementDispute Raise(StatementLineKind kind, Guid lineId, string costCenter, string consumerCompany,
        string? supplierCostCenter, string supplierCompany, AccountingMonth month, decimal amount, string currency, string reason,
        string by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            LineKind = kind,
            LineId = lineId,
            CostCenter = costCenter,
            ConsumerCompany = consumerCompany,
            SupplierCostCenter = supplierCostCenter,
            SupplierCompany = supplierCompany,
            Month = month.ToString(),
            Amount = amount,
            Currency = currency,
            Reason = reason,
            RaisedBy = by,
            RaisedAt = now,
            Status = DisputeStatus.Open,
        };

    public Guid Id { get; private set; }
    public StatementLineKind LineKind { get; private set; }
    public Guid LineId { get; private set; }
    public string CostCenter { get; private set; }
    public string ConsumerCompany { get; private set; }
    public string? SupplierCostCenter { get; private set; }
    public string SupplierCompany { get; private set; }
    public string Month { get; private set; }

    /// <summary>The line's amount when disputed.</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; }
    public string Reason { get; private set; }
    public string RaisedBy { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DisputeStatus Status { get; private set; }
    public string? Resolution { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>What the line should have come to, when adjusted.</summary>
    public decimal? AdjustedAmount { get; private set; }

    /// <summary>The correcting entry (a usage entry or a journal entry) and the month it landed in.</summary>
    public Guid? AdjustmentId { get; private set; }
    public string? AdjustmentMonth { get; private set; }
    public long Version { get; private set; }

    public decimal? Delta => AdjustedAmount - Amount;

    public void Uphold(string reason, string by, DateTimeOffset now)
    {
        EnsureOpen();
        Status = DisputeStatus.Upheld;
        Resolve(reason, by, now);
    }

    public void Adjust(decimal adjustedAmount, Guid adjustmentId, AccountingMonth landsIn, string reason, string by, DateTimeOffset now)
    {
        EnsureOpen();
        Status = DisputeStatus.Adjusted;
        AdjustedAmount = adjustedAmount;
        AdjustmentId = adjustmentId;
        AdjustmentMonth = landsIn.ToString();
        Resolve(reason, by, now);
    }

    /// <summary>An adjustment corrects a charge down to zero at most and never above it: a dispute lowers a charge.</summary>
    public void EnsureAdjustable(decimal adjustedAmount)
    {
        if (Amount >= 0 ? adjustedAmount < 0 || adjustedAmount >= Amount : adjustedAmount > 0 || adjustedAmount <= Amount)
            throw new DomainValidationException("validation", "amount",
                $"amount is what the line should have come to: from 0 up to, not including, {Amount}.");
    }

    private void EnsureOpen()
    {
        if (Status != DisputeStatus.Open)
            throw new ConflictException("invalid-state", $"The dispute is already {Status.WireName()} by {ResolvedBy}.");
    }

    private void Resolve(string reason, string by, DateTimeOffset now)
    {
        Resolution = reason;
        ResolvedBy = by;
        ResolvedAt = now;
        Version++;
    }
}

/// <summary>A consuming department's acceptance of its statement for a month.</summary>
public sealed class StatementAcceptance
{
    private StatementAcceptance()
    {
        CostCenter = Month = AcceptedBy = string.Empty;
    }

    public StatementAcceptance(string costCenter, AccountingMonth month, decimal amount, string by, DateTimeOffset now)
    {
        CostCenter = costCenter;
        Month = month.ToString();
        Amount = amount;
        AcceptedBy = by;
        AcceptedAt = now;
    }

    public string CostCenter { get; private set; }
    public string Month { get; private set; }
    public decimal Amount { get; private set; }
    public string AcceptedBy { get; private set; }
    public DateTimeOffset AcceptedAt { get; private set; }
}
