using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout;

/// <summary>
/// The methods that settle inside the group and need no provider: payroll deduction, internal
/// chargeback and intercompany invoice. Each runs inside the checkout's transaction.
/// </summary>
public sealed class InternalSettlement(IStoreDb db, TimeProvider clock, IOptions<PayrollOptions> payrollOptions,
    IOptions<InvoiceOptions> invoiceOptions, Benefits.BenefitRecorder benefits)
{
    public PayrollCalendar Calendar { get; } = new(payrollOptions.Value.PeriodsPerMonth);

    public async Task<CheckoutDto> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct) =>
        order.PaymentMethod switch
        {
            PaymentMethod.Payroll => await PayrollAsync(order, command.Installments ?? 1, ct),
            PaymentMethod.Chargeback => Chargeback(order),
            PaymentMethod.Invoice => await InvoiceAsync(order, ct),
            _ => throw new InvalidOperationException($"{order.PaymentMethod} is not settled internally."),
        };

    /// <summary>The result of an earlier checkout, for a replay with the same idempotency key.</summary>
    public async Task<CheckoutDto> DescribeAsync(Order order, CancellationToken ct)
    {
        var schedule = await db.PayrollSchedules.AsNoTracking().Include(s => s.Deductions)
            .FirstOrDefaultAsync(s => s.OrderId == order.Id, ct);
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.OrderId == order.Id, ct);
        var entry = await db.JournalEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.OrderId == order.Id && e.Kind == JournalKind.Chargeback, ct);
        return new CheckoutDto(order.ToDto(), order.PaymentMethod!.Value.WireName(), null, schedule?.ToDto(),
            invoice?.ToDto(), entry?.ToDto());
    }

    private async Task<CheckoutDto> PayrollAsync(Order order, int installments, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var employee = await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == order.BuyerId, ct);
        if (employee is null || employee.Status != EmploymentStatus.Active)
            throw new ConflictException("payment-method-unavailable",
                "Payroll deduction is for active employees; pay by card instead.");

        // The ledger row is the employee's lock: two checkouts of one employee take turns, so the
        // per-period cap holds under concurrency, and the allowance moves from reserved to used.
        var ledger = await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, ct);
        var periods = Calendar.NextPayDates(today, installments);
        var schedule = PayrollSchedule.Create(order.Id, order.BuyerId, order.Total, order.Currency, periods, now);
        var cap = payrollOptions.Value.MaxPerPeriod;
        var existing = await db.PayrollDeductions.AsNoTracking()
            .Where(d => d.EmployeeId == order.BuyerId && d.Status == DeductionStatus.Scheduled && periods.Contains(d.Period))
            .GroupBy(d => d.Period).Select(g => new { Period = g.Key, Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(x => x.Period, x => x.Amount, ct);
        foreach (var deduction in schedule.Deductions)
        {
            var inPeriod = existing.GetValueOrDefault(deduction.Period) + deduction.Amount;
            if (inPeriod > cap)
                throw new ConflictException("payment-method-unavailable",
                    $"Payroll deduction would take {inPeriod} {order.Currency} on {deduction.Period:yyyy-MM-dd}; at most {cap:0.00} {order.Currency} may be deducted per pay period. "
                    + (installments < payrollOptions.Value.MaxInstallments
                        ? $"Spread it over more pay periods (up to {payrollOptions.Value.MaxInstallments}) or pay by card."
                        : "Pay by card instead."));
        }

        db.PayrollSchedules.Add(schedule);
        if (order.AllowanceReserved > 0)
            ledger.Commit(order.AllowanceReserved);
        order.MarkPaid(order.BuyerId, now, $"paid by payroll deduction over {installments} pay period(s)");
        await benefits.RecordPaymentAsync(order, now, ct);
        return new CheckoutDto(order.ToDto(), "payroll", null, schedule.ToDto(), null, null);
    }

    private CheckoutDto Chargeback(Order order)
    {
        var now = clock.GetUtcNow();
        var entry = new JournalEntry(JournalKind.Chargeback, order.Id, order.Company, order.CostCenter,
            order.SellerCompany, order.Total, order.Lines.Sum(l => l.UnitCost * l.Quantity), order.Currency, now,
            $"Order {order.Id}: {order.CostCenter} charged by {order.SellerCompany} at transfer price");
        db.JournalEntries.Add(entry);
        order.MarkPaid(order.BuyerId, now, $"charged back to cost centre {order.CostCenter}");
        return new CheckoutDto(order.ToDto(), "chargeback", null, null, null, entry.ToDto());
    }

    private async Task<CheckoutDto> InvoiceAsync(Order order, CancellationToken ct)
    {
        if (await db.Invoices.AnyAsync(i => i.OrderId == order.Id, ct))
            throw new ConflictException("invalid-state", "This order is already invoiced; finance marks the invoice settled.");
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var prefix = $"{order.SellerCompany}-{today.Year}-";
        // Numbers run without gaps per seller and year; a concurrent invoice loses on the unique
        // number and the checkout runs again with the next one.
        var issued = await db.Invoices.CountAsync(i => i.Number.StartsWith(prefix), ct);
        var invoice = new IntercompanyInvoice(IntercompanyInvoice.FormatNumber(order.SellerCompany, today.Year, issued + 1),
            order.Id, order.SellerCompany, order.Company, today, invoiceOptions.Value.PaymentTermDays, order.Currency,
            order.Lines.Select(l => new InvoiceLine(l.Sku, l.Name, l.Quantity, l.UnitPrice, l.LineTotal)));
        db.Invoices.Add(invoice);
        db.JournalEntries.Add(new JournalEntry(JournalKind.IntercompanyInvoice, order.Id, order.Company, null,
            order.SellerCompany, order.Total, order.Lines.Sum(l => l.UnitCost * l.Quantity), order.Currency, now,
            $"Invoice {invoice.Number}"));
        order.AwaitInvoice(invoice.Number, order.BuyerId, now);
        return new CheckoutDto(order.ToDto(), "invoice", null, null, invoice.ToDto(), null);
    }
}
