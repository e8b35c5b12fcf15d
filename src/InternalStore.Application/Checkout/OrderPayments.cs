using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Application.Checkout;

/// <summary>
/// The one way an order becomes paid, whichever method settled it and whoever brought the news (a
/// checkout, Stripe's webhook, the reconciler, finance settling an invoice): the reserved allowance
/// becomes used, the order is paid, and an employee's fringe benefit is booked.
/// </summary>
public sealed class OrderPayments(IStoreDb db, Benefits.BenefitRecorder benefits, Notifications.Notifier notifier)
{
    /// <summary>Call inside the transaction that holds the order's lock.</summary>
    /// <remarks>
    /// An expired order is paid only when the caller has reserved its stock and allowance again
    /// (a card payment that arrived late).
    /// </remarks>
    /// <param name="lockedLedger">The buyer's ledger, when the caller has locked it already in this transaction.</param>
    /// <param name="schedule">The payroll deductions that pay it, for the receipt.</param>
    public async Task PaidAsync(Order order, string by, DateTimeOffset now, string how, CancellationToken ct,
        AllowanceLedger? lockedLedger = null, Domain.Settlement.PayrollSchedule? schedule = null)
    {
        if (order.Status == OrderStatus.Expired)
            order.MarkPaidAfterExpiry(by, now, how);
        else
            order.MarkPaid(by, now, how);
        if (order.AllowanceReserved > 0)
            (lockedLedger ?? await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, ct)).Commit(order.AllowanceReserved);
        await benefits.RecordPaymentAsync(order, now, ct);
        await notifier.NotifyAsync(order.BuyerId, Domain.Notifications.NotificationKind.OrderPaid,
            $"Receipt: order {Notifications.Receipts.ShortId(order.Id)} is paid", Notifications.Receipts.OrderPaid(order, schedule),
            $"/shop/orders/{order.Id}", ct);
    }
}
