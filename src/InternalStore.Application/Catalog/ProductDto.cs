using System.Text.Json.Serialization;

namespace InternalStore.Application.Catalog;

/// <summary>A product as callers see it. <see cref="UnitCost"/> is present for catalog and finance only.</summary>
public sealed record ProductDto
{
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Category { get; init; }
    public required decimal ListPrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? UnitCost { get; init; }

    public required string Currency { get; init; }
    public required bool EmployeeDiscount { get; init; }
    public required bool Active { get; init; }

    /// <summary>goods or service: what the fringe-benefit rules see.</summary>
    public required string SupplyKind { get; init; }
    public required int StockOnHand { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

public sealed record StockAdjustmentDto(long Id, string Sku, int Delta, int StockAfter, string Reason,
    string AdjustedBy, DateTimeOffset At);
