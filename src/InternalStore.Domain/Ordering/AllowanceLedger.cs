namespace InternalStore.Domain.Ordering;

/// <summary>
/// An employee's allowance use in one calendar year: reserved by orders awaiting payment, used by
/// paid ones. Changed only while the row is locked by the command's transaction.
/// </summary>
public sealed class AllowanceLedger
{
    private AllowanceLedger()
    {
        EmployeeId = string.Empty;
    }

    public AllowanceLedger(string employeeId, int year)
    {
        EmployeeId = employeeId;
        Year = year;
    }

    public string EmployeeId { get; private set; }
    public int Year { get; private set; }
    public decimal Used { get; private set; }
    public decimal Reserved { get; private set; }
    public long Version { get; private set; }

    /// <summary>What the pricing engine is told is already taken this year.</summary>
    public decimal Taken => Used + Reserved;

    public void Reserve(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Reserved += amount;
        Version++;
    }

    public void Release(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (amount > Reserved)
            throw new InvalidOperationException($"Releasing {amount} but only {Reserved} is reserved.");
        Reserved -= amount;
        Version++;
    }

    public void Commit(decimal amount)
    {
        Release(amount);
        Used += amount;
    }

    /// <summary>A refund gives back allowance a paid order used.</summary>
    public void Restore(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Used -= Math.Min(amount, Used);
        Version++;
    }

    /// <summary>A late payment takes allowance straight to used (its reservation was released on expiry).</summary>
    public void Use(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Used += amount;
        Version++;
    }
}
