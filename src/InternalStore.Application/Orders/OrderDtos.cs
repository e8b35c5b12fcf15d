using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Application.Orders;

public sealed record OrderDto(
    Guid Id,
    string Status,
    string BuyerKind,
    string BuyerId,
    string Company,
    string? CostCenter,
    string Currency,
    IReadOnlyList<OrderLineDto> Lines,
    decimal Subtotal,
    decimal DiscountTotal,
    decimal AllowanceReserved,
    DateTimeOffset PlacedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<OrderStatusChangeDto> History);

/// <param name="ExternalUnitPrice">What an external customer would have paid per unit at placement (the benefit's measure).</param>
public sealed record OrderLineDto(string Sku, string Name, int Quantity, decimal ListPrice, decimal UnitPrice,
    decimal LineTotal, decimal Discount, decimal AllowanceTaken, decimal ExternalUnitPrice, int RefundedQuantity);

public sealed record OrderStatusChangeDto(string? From, string To, string By, DateTimeOffset At, string Reason);

internal static class OrderMapping
{
    public static OrderDto ToDto(this Order o)
    {
        decimal Money(decimal amount) => InternalStore.Pricing.Currencies.ToMinorUnitScale(amount, o.Currency);
        return new OrderDto(o.Id, o.Status.WireName(), o.BuyerKind.WireName(), o.BuyerId, o.Company,
            o.CostCenter, o.Currency,
            o.Lines.Select(l => new OrderLineDto(l.Sku, l.Name, l.Quantity, Money(l.ListPrice), Money(l.UnitPrice),
                Money(l.LineTotal), Money(l.Discount), Money(l.AllowanceTaken), Money(l.ExternalUnitPrice),
                l.RefundedQuantity)).ToList(),
            Money(o.Subtotal), Money(o.DiscountTotal), Money(o.AllowanceReserved), o.PlacedAt, o.ExpiresAt,
            o.History.OrderBy(h => h.At).Select(h => new OrderStatusChangeDto(h.From?.WireName(), h.To.WireName(), h.By, h.At,
                h.Reason)).ToList());
    }
}
