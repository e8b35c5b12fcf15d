using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Shop;

/// <summary>A page of the catalog with the caller's own price beside the list price (one pricing call per page).</summary>
public sealed record BrowseCatalogQuery(Caller Caller, string? Search, string? Category, int Page, int PageSize)
    : IQuery<ShopCatalogDto>, ICallerMessage;

public sealed class BrowseCatalogValidator : AbstractValidator<BrowseCatalogQuery>
{
    public BrowseCatalogValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Search).MaximumLength(200).OverridePropertyName("q");
        RuleFor(x => x.Category).MaximumLength(50).OverridePropertyName("category");
    }
}

public sealed class BrowseCatalogHandler(ISender sender, IStoreDb db, ReadCache cache, CatalogPricing pricing,
    IOptions<PricingOptions> options) : IQueryHandler<BrowseCatalogQuery, ShopCatalogDto>
{
    public async ValueTask<ShopCatalogDto> Handle(BrowseCatalogQuery query, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new ListProductsQuery(query.Caller, query.Category, query.Search, query.Page, query.PageSize),
            cancellationToken);
        var limits = query.Caller.IsInRole(Roles.Employee) && page.Items.Count > 0
            ? (await sender.Send(new GetMyAllowanceQuery(query.Caller), cancellationToken)).QuantityLimits
            : [];
        var currency = options.Value.Currency;
        var (items, pricedAs, _) = await pricing.PriceAsync(query.Caller, [.. page.Items.Where(p => p.Currency == currency)],
            limits, currency, cancellationToken);
        var categories = await cache.GetOrAddAsync("shop:categories",
            ct => db.Products.AsNoTracking().Where(p => p.Active).Select(p => p.Category).Distinct().OrderBy(c => c).ToListAsync(ct),
            cancellationToken);
        return new ShopCatalogDto(new Page<ShopProductDto>(items, page.PageNumber, page.PageSize, page.TotalCount), categories,
            pricedAs, currency);
    }
}
