using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>
/// The plans on offer (catalog also sees withdrawn ones and costs); an employee sees what each costs
/// them per period, the first charge and its pay date, and why they could not enrol.
/// </summary>
public sealed record ListServicePlansQuery(Caller Caller) : IQuery<IReadOnlyList<ServicePlanDto>>, ICallerMessage;

public sealed record GetServicePlanQuery(Caller Caller, string Id) : IQuery<ServicePlanDto>, ICallerMessage;

public sealed class ListServicePlansHandler(IStoreDb db, SubscriptionQuotes quotes)
    : IQueryHandler<ListServicePlansQuery, IReadOnlyList<ServicePlanDto>>, IQueryHandler<GetServicePlanQuery, ServicePlanDto>
{
    public async ValueTask<IReadOnlyList<ServicePlanDto>> Handle(ListServicePlansQuery query, CancellationToken cancellationToken)
    {
        var plans = await db.ServicePlans.AsNoTracking().Where(p => p.Active || query.Caller.IsInRole(Roles.Catalog))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var dtos = new List<ServicePlanDto>(plans.Count);
        foreach (var plan in plans)
            dtos.Add(await DtoAsync(plan, query.Caller, cancellationToken));
        return dtos;
    }

    public async ValueTask<ServicePlanDto> Handle(GetServicePlanQuery query, CancellationToken cancellationToken)
    {
        var plan = await db.ServicePlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
        if (plan is null || !plan.Active && !query.Caller.IsInRole(Roles.Catalog))
            throw new NotFoundException("Service plan", query.Id);
        return await DtoAsync(plan, query.Caller, cancellationToken);
    }

    private async Task<ServicePlanDto> DtoAsync(Domain.Subscriptions.ServicePlan plan, Caller caller, CancellationToken ct)
    {
        MyPlanPriceDto? mine = null;
        if (caller.IsInRole(Roles.Employee) && plan.Active
            && await db.Employees.AsNoTracking().FirstOrDefaultAsync(e => e.Id == caller.Subject, ct) is { } employee
            && await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == plan.Sku, ct) is { } product)
            mine = await quotes.QuoteAsync(plan, product, employee, ct);
        return plan.ToDto(caller.CanSeeCost, quotes.Calendar, mine);
    }
}
