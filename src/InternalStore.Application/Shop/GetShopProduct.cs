using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Shop;

/// <summary>One product priced for the caller at a quantity, its explanation in steps and in words, and the allowance it draws on.</summary>
public sealed record GetShopProductQuery(Caller Caller, string Sku, long Quantity = 1) : IQuery<ShopProductDetailsDto>, ICallerMessage;

public sealed class GetShopProductValidator : AbstractValidator<GetShopProductQuery>
{
    public GetShopProductValidator() =>
        RuleFor(x => x.Quantity).InclusiveBetween(1, CartValidation.MaxQuantity).OverridePropertyName("quantity");
}

public sealed class GetShopProductHandler(ISender sender, CartQuotes quotes, CatalogPricing pricing)
    : IQueryHandler<GetShopProductQuery, ShopProductDetailsDto>
{
    public async ValueTask<ShopProductDetailsDto> Handle(GetShopProductQuery query, CancellationToken cancellationToken)
    {
        var product = await sender.Send(new GetProductQuery(query.Caller, query.Sku), cancellationToken);
        if (!product.Active)
            throw new NotFoundException("Product", query.Sku);
        var allowance = query.Caller.IsInRole(Roles.Employee)
            ? await sender.Send(new GetMyAllowanceQuery(query.Caller), cancellationToken)
            : null;
        var quote = await quotes.QuoteAsync(query.Caller, [new QuoteLineRequest(product.Sku, query.Quantity)], cancellationToken);
        var (items, _, _) = await pricing.PriceAsync(query.Caller, [product], allowance?.QuantityLimits ?? [], quote.Currency,
            cancellationToken);
        var line = quote.Lines[0];
        return new ShopProductDetailsDto(product, items[0], query.Quantity, line,
            PriceWords.Describe(line.Explanation, line.UnitPrice, line.Quantity, line.AllowanceTaken, quote.Currency), allowance);
    }
}
