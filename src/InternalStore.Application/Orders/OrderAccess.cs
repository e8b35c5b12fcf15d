using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Orders;

internal static class OrderAccess
{
    /// <summary>HR and finance see every order; a buyer sees their own. Anyone else's order is "not found".</summary>
    public static bool MaySee(this Caller caller, Order order) =>
        order.BuyerId == caller.Subject || caller.IsInRole(Roles.Hr) || caller.IsInRole(Roles.Finance);

    public static async Task<Order> LoadForChangeAsync(this IStoreDb db, Caller caller, Guid id,
        CancellationToken cancellationToken)
    {
        var order = await db.LockOrderAsync(id, cancellationToken);
        return order is not null && caller.MaySee(order) ? order : throw new NotFoundException("Order", id.ToString());
    }
}
