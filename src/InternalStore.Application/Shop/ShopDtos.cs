using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;

namespace InternalStore.Application.Shop;

/// <param name="PricedAs">How the caller is priced: employee, external (probation, leavers), department or affiliate.</param>
public sealed record ShopCatalogDto(Page<ShopProductDto> Products, IReadOnlyList<string> Categories, string PricedAs, string Currency);

/// <param name="YourPrice">What one unit costs the caller today, their remaining allowance included.</param>
/// <param name="Stock">inStock, low (a few left), outOfStock.</param>
public sealed record ShopProductDto(string Sku, string Name, string Category, decimal ListPrice, decimal YourPrice,
    string Stock, int StockOnHand, QuantityLimitUsageDto? Limit);

/// <summary>One product for the caller: the price of <see cref="Quantity"/> units, explained step by step and in words.</summary>
public sealed record ShopProductDetailsDto(ProductDto Product, ShopProductDto Priced, long Quantity, QuoteLineDto Line,
    IReadOnlyList<string> InWords, AllowanceDto? Allowance);
