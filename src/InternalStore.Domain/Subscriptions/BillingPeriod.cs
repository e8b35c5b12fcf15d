using InternalStore.Domain.Settlement;
using InternalStore.Pricing;

namespace InternalStore.Domain.Subscriptions;

/// <summary>How often a plan charges: each calendar month (on the month's last pay date) or each pay period.</summary>
public enum PlanPeriod
{
    Monthly,
    PayPeriod,
}

/// <summary>The days one charge pays for, both ends included; charged on the pay date <see cref="End"/>.</summary>
public readonly record struct BillingPeriod(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;
    public DateOnly PayDate => End;
    public DateOnly Next => End.AddDays(1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    /// <summary>
    /// A period's price for the days from..to of it, rounded once (half up) to the currency's minor
    /// unit: price x covered days / days in the period. A whole period is the price itself.
    /// </summary>
    public decimal Prorate(decimal price, DateOnly from, DateOnly to, string currency)
    {
        if (from < Start || to > End || from > to)
            throw new ArgumentOutOfRangeException(nameof(from), $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not within {this}.");
        var days = to.DayNumber - from.DayNumber + 1;
        return days == Days ? price : Currencies.Round(price * days / Days, currency);
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}

/// <summary>The billing periods of a plan on the group's pay calendar.</summary>
public static class BillingPeriods
{
    /// <summary>The period that ends on (and is charged on) the pay date; null when the plan charges nothing that day.</summary>
    public static BillingPeriod? EndingOn(this PayrollCalendar calendar, DateOnly payDate, PlanPeriod period)
    {
        if (!calendar.IsPayDate(payDate))
            return null;
        var monthStart = new DateOnly(payDate.Year, payDate.Month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        if (period == PlanPeriod.Monthly)
            return payDate == monthEnd ? new BillingPeriod(monthStart, monthEnd) : null;
        if (calendar.PeriodsPerMonth == 1)
            return new BillingPeriod(monthStart, monthEnd);
        return payDate.Day == 15 ? new BillingPeriod(monthStart, payDate) : new BillingPeriod(monthStart.AddDays(15), monthEnd);
    }

    /// <summary>The period of the plan that holds the day.</summary>
    public static BillingPeriod Containing(this PayrollCalendar calendar, DateOnly day, PlanPeriod period)
    {
        var payDate = period == PlanPeriod.Monthly
            ? new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))
            : calendar.PayDateOnOrAfter(day);
        return calendar.EndingOn(payDate, period)!.Value;
    }

    /// <summary>The plan's periods from the one holding <paramref name="from"/>, <paramref name="count"/> of them.</summary>
    public static IEnumerable<BillingPeriod> From(this PayrollCalendar calendar, DateOnly from, PlanPeriod period, int count)
    {
        var current = calendar.Containing(from, period);
        for (var i = 0; i < count; i++)
        {
            yield return current;
            current = calendar.Containing(current.Next, period);
        }
    }
}
