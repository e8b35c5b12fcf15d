using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

public sealed record ListProductsQuery(Caller Caller, string? Category, string? Search, int Page, int PageSize)
    : IQuery<Page<ProductDto>>, ICallerMessage;

public sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Search).MaximumLength(200).OverridePropertyName("q");
        RuleFor(x => x.Category).MaximumLength(50).OverridePropertyName("category");
    }
}

public sealed class ListProductsHandler(IStoreDb db, ReadCache cache) : IQueryHandler<ListProductsQuery, Page<ProductDto>>
{
    /// <summary>
    /// Pages are served from the read cache: a catalog change empties it at once; stock moved by
    /// orders shows in a page within Pricing:CacheSeconds (one product's page, GET /api/products/{sku}, is always fresh).
    /// </summary>
    public async ValueTask<Page<ProductDto>> Handle(ListProductsQuery query, CancellationToken cancellationToken) =>
        await cache.GetOrAddAsync(
            $"products:{query.Caller.CanSeeInactiveProducts}:{query.Caller.CanSeeCost}:{query.Category}:{query.Search}:{query.Page}:{query.PageSize}",
            ct => LoadAsync(query, ct), cancellationToken);

    private async Task<Page<ProductDto>> LoadAsync(ListProductsQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (!query.Caller.CanSeeInactiveProducts)
            products = products.Where(p => p.Active);
        if (!string.IsNullOrWhiteSpace(query.Category))
            products = products.Where(p => p.Category == query.Category);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            products = products.Where(p => p.Name.ToLower().Contains(term) || p.Sku.ToLower().Contains(term));
        }

        var total = await products.CountAsync(cancellationToken);
        var page = await products
            .OrderBy(p => p.Sku)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);

        var items = page.Select(p => p.ToDto(query.Caller.CanSeeCost)).ToList();
        return new Page<ProductDto>(items, query.Page, query.PageSize, total);
    }
}
