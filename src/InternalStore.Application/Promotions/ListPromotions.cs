using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Promotions;

/// <summary>All promotions, or only those valid on <see cref="ActiveOn"/>.</summary>
public sealed record ListPromotionsQuery(DateOnly? ActiveOn) : IQuery<IReadOnlyList<PromotionDto>>;

public sealed class ListPromotionsHandler(IStoreDb db) : IQueryHandler<ListPromotionsQuery, IReadOnlyList<PromotionDto>>
{
    public async ValueTask<IReadOnlyList<PromotionDto>> Handle(ListPromotionsQuery query, CancellationToken cancellationToken)
    {
        var promotions = db.Promotions.AsNoTracking();
        if (query.ActiveOn is { } day)
            promotions = promotions.Where(p => p.From <= day && p.To >= day);
        var list = await promotions.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return list.Select(p => p.ToDto()).ToList();
    }
}
