using System.Text.Json;
using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Orders;

/// <summary>
/// An order with everything that followed from it: how each line was priced, how it is being paid
/// (the deduction schedule, the journal entries, the invoice, the card payment's state), its
/// refunds, and what the caller may still do with it.
/// </summary>
/// <param name="Explanations">Per line, in the order's line order: the price explanation kept when it was placed.</param>
/// <param name="LeftToDeduct">Payroll: what scheduled deductions still take from future pay.</param>
/// <param name="CanCancel">The caller may cancel it now (unpaid, not held for an invoice).</param>
/// <param name="RefundableUntil">The buyer's refund window ends then (finance may refund later); null when nothing can be refunded.</param>
/// <param name="CheckoutKey">The buyer's own checkout key (shown to the buyer only): checking out again with it resumes a card payment.</param>
public sealed record OrderDetailsDto(OrderDto Order, string? Method,
    IReadOnlyList<IReadOnlyList<ExplanationStepDto>> Explanations, PayrollScheduleDto? Payroll, decimal? LeftToDeduct,
    IReadOnlyList<JournalEntryDto> JournalEntries, InvoiceDto? Invoice, string? CardPaymentStatus,
    IReadOnlyList<RefundDto> Refunds, decimal Refundable, bool CanCancel, DateTimeOffset? RefundableUntil, string? CheckoutKey);

public sealed record GetOrderDetailsQuery(Caller Caller, Guid Id) : IQuery<OrderDetailsDto>, ICallerMessage;

public sealed class GetOrderDetailsHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock,
    IOptions<OrderOptions> options) : IQueryHandler<GetOrderDetailsQuery, OrderDetailsDto>
{
    public async ValueTask<OrderDetailsDto> Handle(GetOrderDetailsQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == query.Id, cancellationToken);
        if (order is null || !OrderAccess.MaySee(scope, order))
            throw new NotFoundException("Order", query.Id.ToString());

        return await OrderDetails.ReadAsync(db, order, query.Caller, clock.GetUtcNow(), options.Value.RefundWindowDays, cancellationToken);
    }
}

/// <summary>What follows from an order, read for someone already allowed to see it (the order's page, a help desk case).</summary>
public static class OrderDetails
{
    public static async Task<OrderDetailsDto> ReadAsync(IStoreDb db, Order order, Caller caller, DateTimeOffset now, int refundWindowDays,
        CancellationToken cancellationToken)
    {
        var schedule = await db.PayrollSchedules.AsNoTracking().Include(s => s.Deductions)
            .FirstOrDefaultAsync(s => s.OrderId == order.Id, cancellationToken);
        var entries = await db.JournalEntries.AsNoTracking().Where(e => e.OrderId == order.Id).ToListAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.OrderId == order.Id, cancellationToken);
        var card = await db.CardPayments.AsNoTracking().Where(p => p.OrderId == order.Id).Select(p => (Domain.Settlement.CardPaymentStatus?)p.Status)
            .FirstOrDefaultAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking().Include(r => r.Lines).Where(r => r.OrderId == order.Id)
            .ToListAsync(cancellationToken);

        var isBuyer = order.BuyerId == caller.Subject;
        var mayCancel = isBuyer || caller.IsInRole(Roles.Finance);
        var refundableUntil = order.Refundable > 0 && order.IsSettled ? order.RefundWindowEnds(refundWindowDays) : null;
        decimal Money(decimal amount) => InternalStore.Pricing.Currencies.ToMinorUnitScale(amount, order.Currency);
        return new OrderDetailsDto(order.ToDto(), order.PaymentMethod?.WireName(),
            [.. order.Lines.Select(l => (IReadOnlyList<ExplanationStepDto>)(JsonSerializer.Deserialize<List<ExplanationStepDto>>(l.Explanation, PricingJson.Options) ?? []))],
            schedule?.ToDto(), schedule is null ? null : Money(schedule.Live.Where(d => d.Amount > 0).Sum(d => d.Amount)),
            [.. entries.OrderBy(e => e.PostedAt).Select(e => e.ToDto())], invoice?.ToDto(), card?.WireName(),
            [.. refunds.OrderBy(r => r.CreatedAt).Select(r => r.ToDto())], Money(order.Refundable),
            mayCancel && order.Status == OrderStatus.AwaitingPayment && !order.HeldUntilSettled,
            isBuyer && refundableUntil > now ? refundableUntil : null, isBuyer ? order.CheckoutKey : null);
    }
}
