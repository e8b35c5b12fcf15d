using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

/// <summary>Finance records that the buying affiliate paid an intercompany invoice; its order becomes paid.</summary>
public sealed record SettleInvoiceCommand(Caller Caller, Guid Id) : ICommand<InvoiceDto>;

public sealed class SettleInvoiceHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<SettleInvoiceCommand, InvoiceDto>
{
    public async ValueTask<InvoiceDto> Handle(SettleInvoiceCommand command, CancellationToken cancellationToken)
    {
        var orderId = await db.Invoices.Where(i => i.Id == command.Id).Select(i => (Guid?)i.OrderId)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Invoice", command.Id.ToString());
        var order = await db.LockOrderAsync(orderId, cancellationToken)
            ?? throw new NotFoundException("Order", orderId.ToString());
        var invoice = await db.Invoices.FirstAsync(i => i.Id == command.Id, cancellationToken);
        var now = clock.GetUtcNow();
        invoice.Settle(command.Caller.Subject, now);
        order.MarkPaid(command.Caller.Subject, now, $"invoice {invoice.Number} settled");
        await db.SaveChangesAsync(cancellationToken);
        return invoice.ToDto();
    }
}

public sealed record ListInvoicesQuery(string? Status, int Page, int PageSize) : IQuery<Page<InvoiceDto>>;

public sealed class ListInvoicesHandler(IStoreDb db) : IQueryHandler<ListInvoicesQuery, Page<InvoiceDto>>
{
    public async ValueTask<Page<InvoiceDto>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var invoices = db.Invoices.AsNoTracking();
        if (query.Status is { } status)
        {
            if (!Enum.TryParse<Domain.Settlement.InvoiceStatus>(status, ignoreCase: true, out var parsed))
                throw new DomainValidationException("validation", "status", "status is open or settled.");
            invoices = invoices.Where(i => i.Status == parsed);
        }

        var total = await invoices.CountAsync(cancellationToken);
        var page = await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<InvoiceDto>(page.Select(i => i.ToDto()).ToList(), query.Page, query.PageSize, total);
    }
}
