using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

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
