namespace InternalStore.Domain.Settlement;

/// <summary>
/// Pay dates: monthly (the last day of the month) or semi-monthly (the 15th and the last day).
/// A pay period is named by its pay date.
/// </summary>
public sealed class PayrollCalendar
{
    public PayrollCalendar(int periodsPerMonth)
    {
        if (periodsPerMonth is not (1 or 2))
            throw new ArgumentOutOfRangeException(nameof(periodsPerMonth), "Pay periods are monthly (1) or semi-monthly (2).");
        PeriodsPerMonth = periodsPerMonth;
    }

    public int PeriodsPerMonth { get; }

    public bool IsPayDate(DateOnly date) =>
        date.Day == DateTime.DaysInMonth(date.Year, date.Month) || (PeriodsPerMonth == 2 && date.Day == 15);

    /// <summary>Refuses a date that is not a pay date, naming <paramref name="field"/> and the next pay date.</summary>
    public void RequirePayDate(DateOnly date, string field)
    {
        if (!IsPayDate(date))
            throw new Common.DomainValidationException("validation", field,
                $"{date:yyyy-MM-dd} is not a pay date; pay dates are {(PeriodsPerMonth == 2 ? "the 15th and " : "")}the last day of each month (the next is {PayDateOnOrAfter(date):yyyy-MM-dd}).");
    }

    /// <summary>The first pay date on or after <paramref name="date"/>.</summary>
    public DateOnly PayDateOnOrAfter(DateOnly date)
    {
        var last = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
        return PeriodsPerMonth == 2 && date.Day <= 15 ? new DateOnly(date.Year, date.Month, 15) : last;
    }

    /// <summary>The last pay date on or before <paramref name="date"/>: the payroll that is due or past.</summary>
    public DateOnly PayDateOnOrBefore(DateOnly date)
    {
        if (IsPayDate(date))
            return date;
        if (PeriodsPerMonth == 2 && date.Day > 15)
            return new DateOnly(date.Year, date.Month, 15);
        var previousMonth = new DateOnly(date.Year, date.Month, 1).AddDays(-1);
        return previousMonth;
    }

    /// <summary><paramref name="count"/> pay dates strictly after <paramref name="today"/>: deductions start with the next payroll.</summary>
    public IReadOnlyList<DateOnly> NextPayDates(DateOnly today, int count)
    {
        var dates = new List<DateOnly>(count);
        var date = PayDateOnOrAfter(today.AddDays(1));
        while (dates.Count < count)
        {
            dates.Add(date);
            date = PayDateOnOrAfter(date.AddDays(1));
        }

        return dates;
    }
}
