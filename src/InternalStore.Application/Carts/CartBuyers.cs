using InternalStore.Application.Common;
using InternalStore.Domain.Common;

namespace InternalStore.Application.Carts;

/// <summary>Carts belong to the people who can order: employees, department buyers, affiliate buyers.</summary>
internal static class CartBuyers
{
    public static void Require(Caller caller)
    {
        if (!caller.IsInRole(Roles.Employee) && !caller.IsInRole(Roles.DepartmentBuyer) && !caller.IsInRole(Roles.AffiliateBuyer))
            throw new ForbiddenException("A cart is kept for employees, department buyers and affiliate buyers.");
    }
}
