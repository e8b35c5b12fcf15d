using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation;

/// <summary>
/// A buyer's own requests; finance the requests its companies are asked to sell on; newest first.
/// <paramref name="AwaitingApproval"/>: only those whose current offer waits for a second finance person's approval.
/// </summary>
public sealed record ListQuoteRequestsQuery(Caller Caller, string? Status, int Page, int PageSize, bool AwaitingApproval = false)
    : IQuery<Page<QuoteRequestDto>>, ICallerMessage;

public sealed class ListQuoteRequestsValidator : AbstractValidator<ListQuoteRequestsQuery>
{
    public ListQuoteRequestsValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Status).Must(s => s is null || WireNames.TryParseWire<QuoteRequestStatus>(s, out _))
            .WithMessage("status is one of submitted, offered, renegotiating, accepted, declined, withdrawn, expired.")
            .OverridePropertyName("status");
    }
}

public sealed class ListQuoteRequestsHandler(IStoreDb db, OrganisationAuthority authority, NegotiationBasis basis, TimeProvider clock)
    : IQueryHandler<ListQuoteRequestsQuery, Page<QuoteRequestDto>>
{
    public async ValueTask<Page<QuoteRequestDto>> Handle(ListQuoteRequestsQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var requests = QuoteRequestAccess.Visible(db.QuoteRequests.AsNoTracking(), scope);
        if (WireNames.TryParseWire<QuoteRequestStatus>(query.Status, out var status))
            requests = requests.Where(r => r.Status == status);
        if (query.AwaitingApproval)
            requests = requests.Where(r => r.Status == QuoteRequestStatus.Offered && r.Offers.Any(o =>
                o.NeedsApproval && o.ApprovedBy == null && o.Version == r.Offers.Max(v => v.Version)));
        var total = await requests.CountAsync(cancellationToken);
        var page = await requests.OrderByDescending(r => r.CreatedAt).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(r => r.Lines).Include(r => r.Offers).ThenInclude(o => o.Lines).Include(r => r.Events).AsSplitQuery()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new Page<QuoteRequestDto>([.. page.Select(r =>
        {
            r.ExpireIfDue(now); // shown as it stands now; the next change records it
            return r.ToDto(basis.Currency, forBuyer: r.BuyerId == query.Caller.Subject);
        })], query.Page, query.PageSize, total);
    }
}

public sealed record GetQuoteRequestQuery(Caller Caller, Guid Id) : IQuery<QuoteRequestDto>, ICallerMessage;

public sealed class GetQuoteRequestHandler(QuoteRequestAccess access, NegotiationBasis basis, TimeProvider clock)
    : IQueryHandler<GetQuoteRequestQuery, QuoteRequestDto>
{
    public async ValueTask<QuoteRequestDto> Handle(GetQuoteRequestQuery query, CancellationToken cancellationToken)
    {
        var (request, _) = await access.LoadAsync(query.Caller, query.Id, track: false, cancellationToken);
        request.ExpireIfDue(clock.GetUtcNow());
        return request.ToDto(basis.Currency, forBuyer: request.BuyerId == query.Caller.Subject);
    }
}
