using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

public sealed record GetProductQuery(Caller Caller, string Sku) : IQuery<ProductDto>, ICallerMessage;

public sealed class GetProductHandler(IStoreDb db) : IQueryHandler<GetProductQuery, ProductDto>
{
    public async ValueTask<ProductDto> Handle(GetProductQuery query, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Sku == query.Sku, cancellationToken);
        if (product is null || (!product.Active && !query.Caller.CanSeeInactiveProducts))
            throw new NotFoundException("Product", query.Sku);
        return product.ToDto(query.Caller.CanSeeCost);
    }
}
