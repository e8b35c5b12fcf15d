using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;

namespace InternalStore.Application.Orders;

/// <summary>Gives back exactly what an order reserved: its units to stock, its allowance to the ledger.</summary>
internal static class Reservations
{
    public static async Task ReleaseAsync(this IStoreDb db, Order order, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var products = await db.LockProductsAsync(order.Lines.Select(l => l.Sku).Distinct().ToList(), cancellationToken);
        foreach (var line in order.Lines)
            products.Single(p => p.Sku == line.Sku).Release(line.Quantity, now);

        if (order.BuyerKind == BuyerKind.Employee && order.AllowanceReserved > 0)
        {
            var ledger = await db.LockAllowanceLedgerAsync(order.BuyerId, order.AllowanceYear, cancellationToken);
            ledger.Release(order.AllowanceReserved);
        }
    }
}
