using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Orders;

/// <summary>
/// Who sees an order, written once for reads, lists and changes: its buyer; HR the employee orders of
/// the employees of its companies (own and below); finance the orders its companies bought or sold.
/// Anyone else's order is "not found".
/// </summary>
public sealed class OrderAccess(IStoreDb db, OrganisationAuthority authority)
{
    public static bool MaySee(CallerScope scope, Order order) =>
        order.BuyerId == scope.Caller.Subject
        || (scope.Caller.IsInRole(Roles.Hr) && order.BuyerKind == BuyerKind.Employee && scope.Covers(order.Company))
        || (scope.Caller.IsInRole(Roles.Finance) && (scope.Covers(order.Company) || scope.Covers(order.SellerCompany)));

    /// <summary>The same rule as <see cref="MaySee"/>, as a query.</summary>
    public static IQueryable<Order> Visible(IQueryable<Order> orders, CallerScope scope)
    {
        var subject = scope.Caller.Subject;
        var companies = scope.Companies.ToList();
        var hr = scope.Caller.IsInRole(Roles.Hr);
        var finance = scope.Caller.IsInRole(Roles.Finance);
        return orders.Where(o => o.BuyerId == subject
                                 || (hr && o.BuyerKind == BuyerKind.Employee && companies.Contains(o.Company))
                                 || (finance && (companies.Contains(o.Company) || companies.Contains(o.SellerCompany))));
    }

    /// <summary>The order, locked for a change, if the caller may see it; else 404.</summary>
    public async Task<Order> LoadForChangeAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(caller, cancellationToken);
        var order = await db.LockOrderAsync(id, cancellationToken);
        return order is not null && MaySee(scope, order) ? order : throw new NotFoundException("Order", id.ToString());
    }
}
