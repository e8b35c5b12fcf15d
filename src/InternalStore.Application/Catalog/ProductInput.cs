using InternalStore.Domain.Common;
using InternalStore.Domain.Catalog;

namespace InternalStore.Application.Catalog;

/// <summary>
/// The editable facts of a product as a client sends them. Everything is nullable so that a missing
/// field becomes a validation error naming it, not a silent zero.
/// </summary>
public sealed record ProductInput(
    string? Name,
    string? Description,
    string? Category,
    decimal? ListPrice,
    decimal? UnitCost,
    string? Currency,
    bool? EmployeeDiscount,
    bool? Active,
    string? SupplyKind = null)
{
    public const string DefaultCurrency = "USD";

    /// <summary>Only call after validation: the required fields are known to be present.</summary>
    public ProductDetails ToDetails() => new(
        Name!,
        Description,
        Category!,
        ListPrice!.Value,
        UnitCost!.Value,
        Currency ?? DefaultCurrency,
        EmployeeDiscount ?? true,
        Active ?? true,
        SupplyKind is null ? null : WireNames.TryParseWire<Domain.Benefits.SupplyKind>(SupplyKind, out var kind) ? kind : null);
}
