using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

/// <summary>Finance records that the buying affiliate paid an intercompany invoice; its order becomes paid.</summary>
public sealed record SettleInvoiceCommand(Caller Caller, Guid Id) : ICommand<InvoiceDto>, ICallerMessage;

/// <remarks>
/// Finance of the selling company (or above it) records the payment it received; the buyer's finance
/// sees the invoice but cannot settle it (403).
/// </remarks>
public sealed class SettleInvoiceHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
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
        var orderId = found.OrderId;
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

/// <summary>The invoices the caller's companies issued (sold) or received (bought).</summary>
public sealed record ListInvoicesQuery(Caller Caller, string? Status, int Page, int PageSize) : IQuery<Page<InvoiceDto>>, ICallerMessage;

public sealed class ListInvoicesHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListInvoicesQuery, Page<InvoiceDto>>
{
    public async ValueTask<Page<InvoiceDto>> Handle(ListInvoicesQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var invoices = db.Invoices.AsNoTracking()
            .Where(i => companies.Contains(i.SellerCompany) || companies.Contains(i.BuyerCompany));
        if (query.Status is { } status)
        {
            if (!WireNames.TryParseWire<Domain.Settlement.InvoiceStatus>(status, out var parsed))
                throw new DomainValidationException("validation", "status", "status is open or settled.");
            invoices = invoices.Where(i => i.Status == parsed);
        }

        var total = await invoices.CountAsync(cancellationToken);
        var page = await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<InvoiceDto>(page.Select(i => i.ToDto()).ToList(), query.Page, query.PageSize, total);
    }
}
