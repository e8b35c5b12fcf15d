using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

/// <summary>The recorded stock movements of one product, newest first.</summary>
public sealed record ListStockAdjustmentsQuery(Caller Caller, string Sku, int Page, int PageSize)
    : IQuery<Page<StockAdjustmentDto>>, ICallerMessage;

public sealed class ListStockAdjustmentsValidator : AbstractValidator<ListStockAdjustmentsQuery>
{
    public ListStockAdjustmentsValidator() => this.PageRules(x => x.Page, x => x.PageSize);
}

public sealed class ListStockAdjustmentsHandler(IStoreDb db)
    : IQueryHandler<ListStockAdjustmentsQuery, Page<StockAdjustmentDto>>
{
    public async ValueTask<Page<StockAdjustmentDto>> Handle(ListStockAdjustmentsQuery query,
        CancellationToken cancellationToken)
    {
        if (!await db.Products.AnyAsync(p => p.Sku == query.Sku, cancellationToken))
            throw new NotFoundException("Product", query.Sku);

        var adjustments = db.StockAdjustments.AsNoTracking().Where(a => a.Sku == query.Sku);
        var total = await adjustments.CountAsync(cancellationToken);
        var items = await adjustments.OrderByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<StockAdjustmentDto>(items.Select(a => a.ToDto()).ToList(), query.Page, query.PageSize, total);
    }
}
