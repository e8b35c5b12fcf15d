using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <summary>
/// A case links only what its requester may see: their own order (or their cost centre's), its line, their
/// deduction schedule or subscription, a line of their centre's statement, their company's invoice, their
/// quote request. Anything else is answered as unknown (404), so a link reveals nothing.
/// </summary>
public sealed class CaseLinks(IStoreDb db)
{
    public async Task EnsureVisibleAsync(Caller caller, CaseLink link, CancellationToken ct)
    {
        if (!await VisibleAsync(caller, link, ct))
            throw new NotFoundException("Linked " + link.Type, link.Target);
    }

    private async Task<bool> VisibleAsync(Caller caller, CaseLink link, CancellationToken ct)
    {
        var (subject, centre) = (caller.Subject, caller.IsInRole(Roles.DepartmentBuyer) ? caller.CostCenter : null);
        var parts = link.Target.Split('/', 2);
        if (!Guid.TryParse(parts[0], out var id))
            return false;
        return link.Type switch
        {
            "order" => await db.Orders.AnyAsync(o => o.Id == id && (o.BuyerId == subject || (centre != null && o.CostCenter == centre)), ct),
            "order-line" => parts.Length == 2 && await db.Orders.Where(o => o.Id == id && (o.BuyerId == subject || (centre != null && o.CostCenter == centre)))
                .SelectMany(o => o.Lines).AnyAsync(l => l.Sku == parts[1], ct),
            "deduction" => await db.PayrollSchedules.AnyAsync(s => s.Id == id && s.EmployeeId == subject, ct),
            "subscription" => await db.Subscriptions.AnyAsync(s => s.Id == id && s.EmployeeId == subject, ct),
            "statement-line" => centre != null && (await db.UsageEntries.AnyAsync(e => e.Id == id && e.ConsumerCostCenter == centre, ct)
                                                   || await db.JournalEntries.AnyAsync(e => e.Id == id && e.CostCenter == centre, ct)),
            "invoice" => caller.Affiliate is { } affiliate && await db.Invoices.AnyAsync(i => i.Id == id && i.BuyerCompany == affiliate, ct),
            "quote-request" => await db.QuoteRequests.AnyAsync(q => q.Id == id && q.BuyerId == subject, ct),
            _ => false,
        };
    }
}
