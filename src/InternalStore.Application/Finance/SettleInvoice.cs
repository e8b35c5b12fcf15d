using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

/// <summary>Finance records that the buying affiliate paid an intercompany invoice; an order's invoice makes its order paid.</summary>
public sealed record SettleInvoiceCommand(Caller Caller, Guid Id) : ICommand<InvoiceDto>, ICallerMessage;

/// <remarks>
/// Finance of the selling company (or above it) records the payment it received; the buyer's finance
/// sees the invoice but cannot settle it (403).
/// </remarks>
public sealed class SettleInvoiceHandler(IStoreDb db, OrganisationAuthority authority, OrderPayments payments,
    TimeProvider clock)
    : ICommandHandler<SettleInvoiceCommand, InvoiceDto>
{
    public async ValueTask<InvoiceDto> Handle(SettleInvoiceCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var found = await db.Invoices.Where(i => i.Id == command.Id)
            .Select(i => new { i.OrderId, i.SellerCompany, i.BuyerCompany }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !(scope.Covers(found.SellerCompany) || scope.Covers(found.BuyerCompany)))
            throw new NotFoundException("Invoice", command.Id.ToString());
        if (!scope.Covers(found.SellerCompany))
            throw new ForbiddenException($"The invoice is settled by finance of the seller, {found.SellerCompany}.");
        // A service invoice has no order to mark paid; an order's invoice pays its order.
        var order = found.OrderId is { } orderId
            ? await db.LockOrderAsync(orderId, cancellationToken) ?? throw new NotFoundException("Order", orderId.ToString())
            : null;
        var invoice = await db.Invoices.FirstAsync(i => i.Id == command.Id, cancellationToken);
        var now = clock.GetUtcNow();
        invoice.Settle(command.Caller.Subject, now);
        if (order is not null)
            await payments.PaidAsync(order, command.Caller.Subject, now, $"invoice {invoice.Number} settled", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return invoice.ToDto();
    }
}
