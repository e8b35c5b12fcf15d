using InternalStore.Application.Common;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

/// <summary>
/// When an employee leaves, what they still owe by payroll deduction becomes due in their final pay
/// period, and their subscriptions end with it (service to the final pay date, no charge after).
/// </summary>
public sealed class PayrollTermination(IStoreDb db, IOptions<PayrollOptions> options, TimeProvider clock,
    Notifications.Notifier notifier)
{
    public async Task CollapseAsync(Employee employee, CancellationToken cancellationToken)
    {
        if (employee.Status != EmploymentStatus.Terminated || employee.TerminationDate is not { } leaving)
            return;
        var finalPayDate = new PayrollCalendar(options.Value.PeriodsPerMonth).PayDateOnOrAfter(leaving);
        var schedules = await db.PayrollSchedules.Include(s => s.Deductions)
            .Where(s => s.EmployeeId == employee.Id
                        && s.Deductions.Any(d => d.Status == DeductionStatus.Scheduled && d.Period > finalPayDate))
            .ToListAsync(cancellationToken);
        foreach (var schedule in schedules)
        {
            schedule.CollapseInto(finalPayDate);
            await notifier.NotifyAsync(employee.Id, Domain.Notifications.NotificationKind.DeductionScheduleChanged,
                $"Your deductions for order {Notifications.Receipts.ShortId(schedule.OrderId)} move to your final pay",
                Notifications.Receipts.Deductions(schedule, $"What you still owe is deducted from your final pay on {finalPayDate:yyyy-MM-dd}."),
                $"/shop/orders/{schedule.OrderId}", cancellationToken);
        }
        var subscriptions = await db.Subscriptions
            .Where(s => s.EmployeeId == employee.Id && (s.EndsOn == null || s.EndsOn > finalPayDate))
            .ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
            subscription.EndWithEmployment(finalPayDate, clock.GetUtcNow());
    }
}
