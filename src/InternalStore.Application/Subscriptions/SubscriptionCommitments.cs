using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>
/// What an employee's subscriptions take from each of some pay dates: the lines billed, and for a pay
/// date not billed yet the charge per period of each subscription that will run then. The payroll cap
/// of a checkout counts these, so an order cannot crowd out the services the employee pays for.
/// </summary>
public sealed class SubscriptionCommitments(IStoreDb db)
{
    public async Task<Dictionary<DateOnly, decimal>> ForAsync(string employeeId, IReadOnlyCollection<DateOnly> payDates,
        PayrollCalendar calendar, CancellationToken ct)
    {
        var result = new Dictionary<DateOnly, decimal>();
        var charges = await db.SubscriptionCharges.AsNoTracking()
            .Where(c => c.EmployeeId == employeeId && payDates.Contains(c.PayDate))
            .Select(c => new { c.SubscriptionId, c.PayDate, c.Collected }).ToListAsync(ct);
        foreach (var charge in charges)
            result[charge.PayDate] = result.GetValueOrDefault(charge.PayDate) + charge.Collected;
        var running = await db.Subscriptions.AsNoTracking()
            .Where(s => s.EmployeeId == employeeId && s.Status != SubscriptionStatus.Suspended).ToListAsync(ct);
        if (running.Count == 0)
            return result;
        var planIds = running.Select(s => s.PlanId).Distinct().ToList();
        var periods = await db.ServicePlans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Period, ct);
        foreach (var subscription in running)
        {
            foreach (var payDate in payDates)
            {
                if (calendar.EndingOn(payDate, periods[subscription.PlanId]) is not { } period
                    || subscription.Coverage(period) is null
                    || charges.Any(c => c.SubscriptionId == subscription.Id && c.PayDate == payDate))
                    continue;
                result[payDate] = result.GetValueOrDefault(payDate) + subscription.ChargePerPeriod;
            }
        }

        return result;
    }
}
