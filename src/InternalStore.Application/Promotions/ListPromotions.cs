using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Promotions;

/// <summary>The promotions the caller may see (see <see cref="PromotionRules.MaySee"/>), or only those valid on <see cref="ActiveOn"/>.</summary>
public sealed record ListPromotionsQuery(Caller Caller, DateOnly? ActiveOn) : IQuery<IReadOnlyList<PromotionDto>>, ICallerMessage;

public sealed class ListPromotionsHandler(IStoreDb db, OrganisationAuthority authority)
    : IQueryHandler<ListPromotionsQuery, IReadOnlyList<PromotionDto>>
{
    public async ValueTask<IReadOnlyList<PromotionDto>> Handle(ListPromotionsQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var promotions = db.Promotions.AsNoTracking();
        if (query.ActiveOn is { } day)
            promotions = promotions.Where(p => p.From <= day && p.To >= day);
        var list = await promotions.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return list.Where(scope.MaySee).Select(p => p.ToDto()).ToList();
    }
}
