using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>Who may see and change a subscription: its owner, and HR of the employee's company and those above it.</summary>
public sealed class SubscriptionAccess(IStoreDb db, OrganisationAuthority authority)
{
    /// <summary>The subscription (tracked), its plan and its subscriber; 404 when it is unknown or not the caller's to see.</summary>
    public async Task<(Subscription Subscription, ServicePlan Plan, Domain.People.Employee Employee)> LoadAsync(Caller caller, Guid id,
        CancellationToken ct)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        var employee = subscription is null ? null
            : await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == subscription.EmployeeId, ct);
        if (subscription is null || employee is null || !await MaySeeAsync(caller, employee.Id, employee.CompanyCode, ct))
            throw new NotFoundException("Subscription", id.ToString());
        var plan = await db.ServicePlans.FirstAsync(p => p.Id == subscription.PlanId, ct);
        return (subscription, plan, employee);
    }

    public async Task<bool> MaySeeAsync(Caller caller, string employeeId, string company, CancellationToken ct)
    {
        if (caller.IsInRole(Roles.Employee) && caller.Subject == employeeId)
            return true;
        return caller.IsInRole(Roles.Hr) && (await authority.ScopeOfAsync(caller, ct)).Covers(company);
    }

    /// <summary>The subscription as the API answers it, with its charges.</summary>
    public async Task<SubscriptionDto> DtoAsync(Subscription subscription, ServicePlan plan, string employeeName, CancellationToken ct) =>
        subscription.ToDto(plan, employeeName,
            await db.SubscriptionCharges.AsNoTracking().Where(c => c.SubscriptionId == subscription.Id).ToListAsync(ct));

    /// <summary>The owner acts as the subscriber; anyone else who may see it is HR.</summary>
    public static bool IsOwner(Caller caller, Subscription subscription) =>
        caller.IsInRole(Roles.Employee) && caller.Subject == subscription.EmployeeId;
}
