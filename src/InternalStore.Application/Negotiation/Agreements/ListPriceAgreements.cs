using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation.Agreements;

/// <summary>
/// Agreements newest first, filtered by status (on today's date), SKU, buyer or the request they came
/// from. <paramref name="Mine"/>: those that price the calling buyer; otherwise those the caller's
/// companies sell on (finance).
/// </summary>
public sealed record ListPriceAgreementsQuery(Caller Caller, bool Mine, string? Status, string? Sku, string? Buyer, Guid? QuoteRequestId,
    int Page, int PageSize) : IQuery<Page<PriceAgreementDto>>, ICallerMessage;

public sealed class ListPriceAgreementsValidator : AbstractValidator<ListPriceAgreementsQuery>
{
    public ListPriceAgreementsValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Status).Must(s => s is null || WireNames.TryParseWire<PriceAgreementStatus>(s, out _))
            .WithMessage("status is one of scheduled, active, expired, ended.").OverridePropertyName("status");
        RuleFor(x => x.Sku).MaximumLength(40).OverridePropertyName("sku");
        RuleFor(x => x.Buyer).MaximumLength(20).OverridePropertyName("buyer");
    }
}

public sealed class ListPriceAgreementsHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : IQueryHandler<ListPriceAgreementsQuery, Page<PriceAgreementDto>>
{
    public async ValueTask<Page<PriceAgreementDto>> Handle(ListPriceAgreementsQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var agreements = query.Mine
            ? PriceAgreementAccess.BoughtBy(db.PriceAgreements.AsNoTracking(), query.Caller)
            : PriceAgreementAccess.SoldBy(db.PriceAgreements.AsNoTracking(), await authority.ScopeOfAsync(query.Caller, cancellationToken));
        if (query.Sku is { } sku)
            agreements = agreements.Where(a => a.Sku == sku);
        if (query.Buyer is { } buyer)
            agreements = agreements.Where(a => a.CostCenter == buyer || a.BuyerCompany == buyer);
        if (query.QuoteRequestId is { } requestId)
            agreements = agreements.Where(a => a.QuoteRequestId == requestId);
        if (WireNames.TryParseWire<PriceAgreementStatus>(query.Status, out var status))
        {
            agreements = status switch
            {
                PriceAgreementStatus.Ended => agreements.Where(a => a.EndedAt != null),
                PriceAgreementStatus.Scheduled => agreements.Where(a => a.EndedAt == null && a.From > today),
                PriceAgreementStatus.Expired => agreements.Where(a => a.EndedAt == null && a.To < today),
                _ => agreements.Where(a => a.EndedAt == null && a.From <= today && a.To >= today),
            };
        }

        var total = await agreements.CountAsync(cancellationToken);
        var page = await agreements.OrderByDescending(a => a.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<PriceAgreementDto>([.. page.Select(a => a.ToDto(today))], query.Page, query.PageSize, total);
    }
}

/// <summary>One agreement, for finance of the seller or the buyer it prices; anyone else gets 404.</summary>
public sealed record GetPriceAgreementQuery(Caller Caller, long Id) : IQuery<PriceAgreementDto>, ICallerMessage;

public sealed class GetPriceAgreementHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : IQueryHandler<GetPriceAgreementQuery, PriceAgreementDto>
{
    public async ValueTask<PriceAgreementDto> Handle(GetPriceAgreementQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var agreement = await db.PriceAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken);
        return agreement is not null && PriceAgreementAccess.MaySee(scope, agreement)
            ? agreement.ToDto(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            : throw new NotFoundException("Price agreement", query.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
