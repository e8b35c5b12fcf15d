using InternalStore.Pricing;

namespace InternalStore.Domain.Settlement;

public enum DeductionStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>
/// An order paid by payroll deduction: the total split over pay periods to the cent (the first
/// periods carry the odd cents). Deductions in periods already paid out are taken; later ones can
/// still be cancelled by a refund or pulled into the final pay period when the employee leaves.
/// </summary>
public sealed class PayrollSchedule
{
    private readonly List<PayrollDeduction> _deductions = [];

    private PayrollSchedule()
    {
        EmployeeId = Currency = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string EmployeeId { get; private set; }
    public decimal Total { get; private set; }
    public string Currency { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<PayrollDeduction> Deductions => _deductions;

    public static PayrollSchedule Create(Guid orderId, string employeeId, decimal total, string currency,
        IReadOnlyList<DateOnly> periods, DateTimeOffset now)
    {
        if (periods.Count == 0)
            throw new ArgumentException("A schedule has at least one period.", nameof(periods));
        var schedule = new PayrollSchedule
        {
            Id = Guid.NewGuid(), OrderId = orderId, EmployeeId = employeeId, Total = total, Currency = currency,
            CreatedAt = now,
        };
        foreach (var (period, amount) in periods.Zip(Split(total, periods.Count, currency)))
            schedule._deductions.Add(new PayrollDeduction(schedule, period, amount));
        return schedule;
    }

    /// <summary>Splits an amount into <paramref name="parts"/> minor-unit amounts that sum to it exactly.</summary>
    public static IReadOnlyList<decimal> Split(decimal total, int parts, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        var unit = Currencies.MinorUnit(currency);
        var minorUnits = decimal.Round(total / unit);
        var each = decimal.Floor(minorUnits / parts);
        var odd = (int)(minorUnits - each * parts);
        return Enumerable.Range(0, parts).Select(i => (each + (i < odd ? 1 : 0)) * unit).ToList();
    }

    /// <summary>
    /// The payroll cap per pay period: the first of this schedule's periods where it and what is
    /// already scheduled for the employee would take more than <paramref name="capPerPeriod"/>; null when none does.
    /// </summary>
    public (DateOnly Period, decimal Amount)? FirstPeriodOverCap(IReadOnlyDictionary<DateOnly, decimal> alreadyScheduled,
        decimal capPerPeriod)
    {
        foreach (var deduction in _deductions.OrderBy(d => d.Period))
        {
            var inPeriod = alreadyScheduled.GetValueOrDefault(deduction.Period) + deduction.Amount;
            if (inPeriod > capPerPeriod)
                return (deduction.Period, inPeriod);
        }

        return null;
    }

    public IEnumerable<PayrollDeduction> Live => _deductions.Where(d => d.Status == DeductionStatus.Scheduled);

    /// <summary>
    /// A refund: later deductions are cancelled from the last one back; what was already taken comes
    /// back as a credit in the next pay period.
    /// </summary>
    public void Refund(decimal amount, DateOnly nextPayDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var left = amount;
        foreach (var deduction in Live.Where(d => d.Period >= nextPayDate && d.Amount > 0)
                     .OrderByDescending(d => d.Period).ToList())
        {
            if (left == 0)
                break;
            var cut = Math.Min(left, deduction.Amount);
            deduction.Cancel();
            if (cut < deduction.Amount)
                _deductions.Add(new PayrollDeduction(this, deduction.Period, deduction.Amount - cut));
            left -= cut;
        }

        if (left > 0)
            _deductions.Add(new PayrollDeduction(this, nextPayDate, -left));
        Version++;
    }

    /// <summary>
    /// Postpones (or brings forward) the instalment of one pay date to another, both still to come:
    /// what <paramref name="from"/> would take is taken on <paramref name="to"/> instead, the total unchanged.
    /// </summary>
    /// <returns>The amount moved.</returns>
    public decimal Move(DateOnly from, DateOnly to, DateOnly nextPayDate)
    {
        if (from < nextPayDate)
            throw new Common.ConflictException("deduction-taken", $"The instalment of {from:yyyy-MM-dd} was already taken from pay.");
        if (to < nextPayDate)
            throw new Common.DomainValidationException("validation", "to", $"to is a pay date from {nextPayDate:yyyy-MM-dd} on.");
        if (to == from)
            throw new Common.DomainValidationException("validation", "to", "to is another pay date than from.");
        var moving = Live.Where(d => d.Period == from && d.Amount > 0).ToList();
        if (moving.Count == 0)
            throw new Common.ConflictException("no-instalment", $"This order has no instalment on {from:yyyy-MM-dd}.");
        foreach (var deduction in moving)
            deduction.Cancel();
        var amount = moving.Sum(d => d.Amount);
        _deductions.Add(new PayrollDeduction(this, to, amount));
        Version++;
        return amount;
    }

    /// <summary>The employee leaves: every deduction after the final pay date becomes due on it.</summary>
    public void CollapseInto(DateOnly finalPayDate)
    {
        var later = Live.Where(d => d.Period > finalPayDate).ToList();
        if (later.Count == 0)
            return;
        foreach (var deduction in later)
            deduction.Cancel();
        _deductions.Add(new PayrollDeduction(this, finalPayDate, later.Sum(d => d.Amount)));
        Version++;
    }
}

/// <summary>One amount deducted from (or, when negative, credited to) an employee's pay on a pay date.</summary>
public sealed class PayrollDeduction
{
    private PayrollDeduction()
    {
        EmployeeId = string.Empty;
    }

    internal PayrollDeduction(PayrollSchedule schedule, DateOnly period, decimal amount)
    {
        ScheduleId = schedule.Id;
        OrderId = schedule.OrderId;
        EmployeeId = schedule.EmployeeId;
        Period = period;
        Amount = amount;
        Status = DeductionStatus.Scheduled;
    }

    public long Id { get; private set; }
    public Guid ScheduleId { get; private set; }
    public Guid OrderId { get; private set; }
    public string EmployeeId { get; private set; }
    public DateOnly Period { get; private set; }
    public decimal Amount { get; private set; }
    public DeductionStatus Status { get; private set; }

    internal void Cancel() => Status = DeductionStatus.Cancelled;
}
