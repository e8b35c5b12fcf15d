using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation;

/// <summary>
/// Who sees a quote request, written once: the buyer who asked, and finance of the selling company
/// (and the companies above it). Anyone else's request is "not found".
/// </summary>
public sealed class QuoteRequestAccess(IStoreDb db, OrganisationAuthority authority)
{
    public static bool IsSellerFinance(CallerScope scope, QuoteRequest request) =>
        scope.Caller.IsInRole(Roles.Finance) && scope.Covers(request.SellerCompany);

    public static bool MaySee(CallerScope scope, QuoteRequest request) =>
        request.BuyerId == scope.Caller.Subject || IsSellerFinance(scope, request);

    public static IQueryable<QuoteRequest> Visible(IQueryable<QuoteRequest> requests, CallerScope scope)
    {
        var subject = scope.Caller.Subject;
        var finance = scope.Caller.IsInRole(Roles.Finance);
        var companies = scope.Companies.ToList();
        return requests.Where(r => r.BuyerId == subject || (finance && companies.Contains(r.SellerCompany)));
    }

    /// <summary>The request with its lines, offers and history, tracked for a change, if the caller may see it; else 404.</summary>
    public async Task<(QuoteRequest Request, CallerScope Scope)> LoadAsync(Caller caller, Guid id, bool track, CancellationToken ct)
    {
        var scope = await authority.ScopeOfAsync(caller, ct);
        var query = db.QuoteRequests.Include(r => r.Lines).Include(r => r.Offers).ThenInclude(o => o.Lines).Include(r => r.Events)
            .AsSplitQuery();
        var request = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is not null && MaySee(scope, request)
            ? (request, scope)
            : throw new NotFoundException("Quote request", id.ToString());
    }

    /// <summary>Only finance of the seller makes, approves and answers offers; a buyer gets 403, others 404.</summary>
    public static void RequireSellerFinance(CallerScope scope, QuoteRequest request)
    {
        if (!IsSellerFinance(scope, request))
            throw new ForbiddenException($"Offers on this request are made by finance of {request.SellerCompany}.");
    }
}
