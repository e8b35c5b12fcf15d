using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Checkout.Methods;

/// <summary>
/// An affiliate's order is invoiced by the selling company at intercompany price. It holds its goods
/// (no expiry, no cancelling) until finance of the seller settles the invoice
/// (<see cref="Finance.SettleInvoiceHandler"/>); a refund is a credit note on the invoice.
/// </summary>
public sealed class InvoiceMethod(IStoreDb db, TimeProvider clock, IOptions<InvoiceOptions> options) : ISettlementMethod
{
    public PaymentMethod Method => PaymentMethod.Invoice;
    public string Description => "intercompany invoice";
    public bool Fits(BuyerKind buyer) => buyer == BuyerKind.Affiliate;
    public bool HoldsGoodsUntilSettled => true;

    public async Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct)
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
            order.Id, order.SellerCompany, order.Company, today, options.Value.PaymentTermDays, order.Currency,
            order.Lines.Select(InvoiceLine.For));
        db.Invoices.Add(invoice);
        db.JournalEntries.Add(new JournalEntry(JournalKind.IntercompanyInvoice, order.Id, order.Company, null,
            order.SellerCompany, order.Total, order.Cost, order.Currency, now,
            $"Invoice {invoice.Number}"));
        order.AwaitSettlement($"invoiced as {invoice.Number}", order.BuyerId, now);
        return invoice.ToDto();
    }

    public async Task<object?> ReplayAsync(Order order, CancellationToken ct) =>
        (await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.OrderId == order.Id, ct))?.ToDto();

    public async Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct)
    {
        var invoice = await db.Invoices.FirstAsync(i => i.OrderId == order.Id, ct);
        invoice.Credit(refund.Amount);
        db.JournalEntries.Add(new JournalEntry(JournalKind.IntercompanyCredit, order.Id, order.Company, null,
            order.SellerCompany, -refund.Amount, -cost, order.Currency, now,
            $"Credit note on {invoice.Number}: {refund.Reason}"));
    }
}
