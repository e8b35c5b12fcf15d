using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>
/// An active employee pays from their next pay periods (one to <c>Payroll:MaxInstallments</c>);
/// the order is paid at once. A refund cancels or credits scheduled deductions.
/// </summary>
public sealed class PayrollMethod(IStoreDb db, TimeProvider clock, IOptions<PayrollOptions> options,
    OrderPayments payments, Subscriptions.SubscriptionCommitments subscriptions) : ISettlementMethod
{
    private readonly PayrollCalendar _calendar = new(options.Value.PeriodsPerMonth);

    public PaymentMethod Method => PaymentMethod.Payroll;
    public string Description => "payroll deduction";
    public bool Fits(BuyerKind buyer) => buyer == BuyerKind.Employee;

    public async Task<string?> UnavailableToAsync(BuyerKind buyer, string buyerId, CancellationToken ct)
    {
        var status = await db.Employees.AsNoTracking().Where(e => e.Id == buyerId).Select(e => (EmploymentStatus?)e.Status)
            .FirstOrDefaultAsync(ct);
        return status == EmploymentStatus.Active ? null : NotActive;
    }

    private const string NotActive = "Payroll deduction is for active employees: your employment has ended.";

    public async Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct)
    {
        var installments = command.Installments ?? 1;
        var now = clock.GetUtcNow();
        if (await UnavailableToAsync(order.BuyerKind, order.BuyerId, ct) is { } reason)
            throw new ConflictException("payment-method-unavailable", reason);

        // The ledger row is the employee's lock: two checkouts of one employee take turns, so the
        // per-period cap holds under concurrency.
        var ledger = await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, ct);
        var (schedule, overCap) = await PlanAsync(order.Id, order.BuyerId, order.Total, order.Currency, installments, now, ct);
        if (overCap is not null)
            throw new ConflictException("payment-method-unavailable", overCap);

        db.PayrollSchedules.Add(schedule);
        await payments.PaidAsync(order, order.BuyerId, now, $"paid by payroll deduction over {installments} pay period(s)", ct,
            ledger, schedule);
        return schedule.ToDto();
    }

    /// <summary>
    /// What a checkout over <paramref name="installments"/> pay periods would deduct on which pay date,
    /// and why it would be refused (the per-period cap), before the buyer confirms.
    /// </summary>
    public async Task<(PayrollScheduleDto Schedule, string? OverCap)> PreviewAsync(string employeeId, decimal total,
        string currency, int installments, CancellationToken ct)
    {
        var (schedule, overCap) = await PlanAsync(Guid.Empty, employeeId, total, currency, installments, clock.GetUtcNow(), ct);
        return (schedule.ToDto(), overCap);
    }

    private async Task<(PayrollSchedule Schedule, string? OverCap)> PlanAsync(Guid orderId, string employeeId, decimal total,
        string currency, int installments, DateTimeOffset now, CancellationToken ct)
    {
        var periods = _calendar.NextPayDates(DateOnly.FromDateTime(now.UtcDateTime), installments);
        var schedule = PayrollSchedule.Create(orderId, employeeId, total, currency, periods, now);
        var alreadyScheduled = await db.PayrollDeductions.AsNoTracking()
            .Where(d => d.EmployeeId == employeeId && d.Status == DeductionStatus.Scheduled && periods.Contains(d.Period))
            .GroupBy(d => d.Period).Select(g => new { Period = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Period, x => x.Amount, ct);
        foreach (var (period, amount) in await subscriptions.ForAsync(employeeId, periods, _calendar, ct))
            alreadyScheduled[period] = alreadyScheduled.GetValueOrDefault(period) + amount;
        if (schedule.FirstPeriodOverCap(alreadyScheduled, options.Value.MaxPerPeriod) is not { } over)
            return (schedule, null);
        return (schedule,
            $"Payroll deduction would take {over.Amount} {currency} on {over.Period:yyyy-MM-dd}; at most {options.Value.MaxPerPeriod:0.00} {currency} may be deducted per pay period (orders and subscriptions together). "
            + (installments < options.Value.MaxInstallments
                ? $"Spread it over more pay periods (up to {options.Value.MaxInstallments}) or pay by card."
                : "Pay by card instead."));
    }

    public async Task<object?> ReplayAsync(Order order, CancellationToken ct) =>
        (await db.PayrollSchedules.AsNoTracking().Include(s => s.Deductions)
            .FirstOrDefaultAsync(s => s.OrderId == order.Id, ct))?.ToDto();

    /// <summary>The refund comes off the deductions still scheduled, latest first; what they cannot cover is credited in the next pay.</summary>
    public async Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct)
    {
        var schedule = await db.PayrollSchedules.Include(s => s.Deductions).FirstAsync(s => s.OrderId == order.Id, ct);
        schedule.Refund(refund.Amount, _calendar.NextPayDates(DateOnly.FromDateTime(now.UtcDateTime), 1)[0]);
    }
}
