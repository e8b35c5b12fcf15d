using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>
/// A department's order is charged to its cost centre at transfer price by a journal entry, and is
/// paid at once; a refund posts the reversing entry.
/// </summary>
public sealed class ChargebackMethod(IStoreDb db, TimeProvider clock, OrderPayments payments) : ISettlementMethod
{
    public PaymentMethod Method => PaymentMethod.Chargeback;
    public string Description => "internal chargeback";
    public bool Fits(BuyerKind buyer) => buyer == BuyerKind.Department;

    public async Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = new JournalEntry(JournalKind.Chargeback, order.Id, order.Company, order.CostCenter,
            order.SellerCompany, order.Total, order.Cost, order.Currency, now,
            $"Order {order.Id}: {order.CostCenter} charged by {order.SellerCompany} at transfer price");
        db.JournalEntries.Add(entry);
        await payments.PaidAsync(order, order.BuyerId, now, $"charged back to cost centre {order.CostCenter}", ct);
        return entry.ToDto();
    }

    public async Task<object?> ReplayAsync(Order order, CancellationToken ct) =>
        (await db.JournalEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.OrderId == order.Id && e.Kind == JournalKind.Chargeback, ct))?.ToDto();

    public Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct)
    {
        db.JournalEntries.Add(new JournalEntry(JournalKind.ChargebackReversal, order.Id, order.Company,
            order.CostCenter, order.SellerCompany, -refund.Amount, -cost, order.Currency, now,
            $"Refund {refund.Id}: {refund.Reason}"));
        return Task.CompletedTask;
    }
}
