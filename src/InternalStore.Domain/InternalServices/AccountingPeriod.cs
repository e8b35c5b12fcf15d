using InternalStore.Domain.Common;

namespace InternalStore.Domain.InternalServices;

/// <summary>How a company's month-end treats its departments' service usage.</summary>
public enum CostAllocationMode
{
    /// <summary>Priced usage is posted: the consumer's cost centre debited, the supplier's credited.</summary>
    Chargeback,

    /// <summary>The statement shows what each department used and what it would cost, and nothing is posted.</summary>
    Showback,
}

/// <summary>
/// A company's month of internal service usage. The row is the month's lock: recording usage dated in
/// the month and closing it both hold it, so no entry slips into a month as it closes. Once closed it
/// stays closed; entries dated in it are refused with <c>period-closed</c>.
/// </summary>
public sealed class AccountingPeriod
{
    private AccountingPeriod()
    {
        Company = Month = string.Empty;
    }

    public AccountingPeriod(string company, AccountingMonth month)
    {
        Company = company;
        Month = month.ToString();
    }

    public string Company { get; private set; }

    /// <summary><c>YYYY-MM</c>.</summary>
    public string Month { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    /// <summary>The company's setting when the month closed: what the close did.</summary>
    public CostAllocationMode? Mode { get; private set; }

    public int EntriesPriced { get; private set; }
    public int JournalEntries { get; private set; }
    public int Invoices { get; private set; }
    public decimal Amount { get; private set; }
    public long Version { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public void EnsureOpen()
    {
        if (IsClosed)
            throw new ConflictException("period-closed",
                $"{Month} is closed for {Company} (by {ClosedBy} on {ClosedAt:yyyy-MM-dd}); date the entry in an open month.");
    }

    /// <summary>Marks the month closed with what the close did; a month closes once (callers check <see cref="IsClosed"/> first).</summary>
    public void Close(CostAllocationMode mode, int priced, int journalEntries, int invoices, decimal amount, string by, DateTimeOffset now)
    {
        EnsureOpen();
        Mode = mode;
        EntriesPriced = priced;
        JournalEntries = journalEntries;
        Invoices = invoices;
        Amount = amount;
        ClosedBy = by;
        ClosedAt = now;
        Version++;
    }

    /// <summary>Touched by every entry recorded in the month, so a concurrent close and entry conflict on PostgreSQL too.</summary>
    public void Touch() => Version++;

    /// <summary>A month can be closed once it is over: the current month still takes entries.</summary>
    public static void EnsureClosable(AccountingMonth month, DateOnly today)
    {
        if (month >= AccountingMonth.Of(today))
            throw new ConflictException("invalid-state",
                $"{month} is not over yet; it can be closed from {month.Next.First:yyyy-MM-dd}.");
    }
}

/// <summary>A company's choice between chargeback (the default) and showback for its departments' services.</summary>
public sealed class CostAllocationSetting
{
    private CostAllocationSetting()
    {
        Company = UpdatedBy = string.Empty;
    }

    public CostAllocationSetting(string company, CostAllocationMode mode, string by, DateTimeOffset now)
    {
        Company = company;
        UpdatedBy = by;
        Set(mode, by, now);
    }

    public string Company { get; private set; }
    public CostAllocationMode Mode { get; private set; }
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Set(CostAllocationMode mode, string by, DateTimeOffset now)
    {
        Mode = mode;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
