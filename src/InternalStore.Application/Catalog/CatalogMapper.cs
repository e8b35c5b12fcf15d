using InternalStore.Domain.Catalog;
using InternalStore.Pricing;
using Riok.Mapperly.Abstractions;

namespace InternalStore.Application.Catalog;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CatalogMapper
{
    public static ProductDto ToDto(this Product product, bool includeCost)
    {
        var dto = product.ToDtoWithCost();
        return includeCost ? dto : dto with { UnitCost = null };
    }

    [MapPropertyFromSource(nameof(ProductDto.ListPrice), Use = nameof(ListPriceOf))]
    [MapPropertyFromSource(nameof(ProductDto.UnitCost), Use = nameof(UnitCostOf))]
    [MapPropertyFromSource(nameof(ProductDto.SupplyKind), Use = nameof(SupplyKindOf))]
    private static partial ProductDto ToDtoWithCost(this Product product);

    public static partial StockAdjustmentDto ToDto(this StockAdjustment adjustment);

    private static decimal ListPriceOf(Product p) => Currencies.ToMinorUnitScale(p.ListPrice, p.Currency);

    private static string SupplyKindOf(Product p) => p.SupplyKind == Domain.Benefits.SupplyKind.Service ? "service" : "goods";

    private static decimal? UnitCostOf(Product p) => Currencies.ToMinorUnitScale(p.UnitCost, p.Currency);
}
