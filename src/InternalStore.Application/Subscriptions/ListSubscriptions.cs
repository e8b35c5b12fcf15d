using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <summary>An employee's own subscriptions; HR's: those of their companies' employees (by plan, status, employee).</summary>
public sealed record ListSubscriptionsQuery(Caller Caller, string? Plan, string? Status, string? Employee, int Page, int PageSize)
    : IQuery<Page<SubscriptionDto>>, ICallerMessage;

public sealed record GetSubscriptionQuery(Caller Caller, Guid Id) : IQuery<SubscriptionDto>, ICallerMessage;

public sealed class ListSubscriptionsValidator : AbstractValidator<ListSubscriptionsQuery>
{
    public ListSubscriptionsValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Status).Must(s => s is null || WireNames.TryParseWire<SubscriptionStatus>(s, out _))
            .WithMessage($"status is one of {WireNames.All<SubscriptionStatus>()}.").OverridePropertyName("status");
    }
}

public sealed class ListSubscriptionsHandler(IStoreDb db, OrganisationAuthority authority)
    : IQueryHandler<ListSubscriptionsQuery, Page<SubscriptionDto>>
{
    public async ValueTask<Page<SubscriptionDto>> Handle(ListSubscriptionsQuery query, CancellationToken cancellationToken)
    {
        var caller = query.Caller;
        var rows = from s in db.Subscriptions.AsNoTracking()
                   join e in db.Employees.AsNoTracking() on s.EmployeeId equals e.Id
                   select new { s, e.Name, e.CompanyCode };
        if (caller.IsInRole(Roles.Hr))
        {
            var companies = (await authority.ScopeOfAsync(caller, cancellationToken)).Companies.ToList();
            rows = rows.Where(r => companies.Contains(r.CompanyCode) || r.s.EmployeeId == caller.Subject);
        }
        else
        {
            rows = rows.Where(r => r.s.EmployeeId == caller.Subject);
        }

        if (query.Plan is not null)
            rows = rows.Where(r => r.s.PlanId == query.Plan);
        if (query.Employee is not null)
            rows = rows.Where(r => r.s.EmployeeId == query.Employee);
        if (query.Status is not null && WireNames.TryParseWire<SubscriptionStatus>(query.Status, out var status))
            rows = rows.Where(r => r.s.Status == status);
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.s.EnrolledAt).ThenBy(r => r.s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var planIds = page.Select(r => r.s.PlanId).Distinct().ToList();
        var plans = await db.ServicePlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var ids = page.Select(r => r.s.Id).ToList();
        var charges = (await db.SubscriptionCharges.AsNoTracking().Where(c => ids.Contains(c.SubscriptionId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.SubscriptionId);
        return new Page<SubscriptionDto>([.. page.Select(r => r.s.ToDto(plans[r.s.PlanId], r.Name, charges[r.s.Id]))],
            query.Page, query.PageSize, total);
    }
}

public sealed class GetSubscriptionHandler(SubscriptionAccess access) : IQueryHandler<GetSubscriptionQuery, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(GetSubscriptionQuery query, CancellationToken cancellationToken)
    {
        var (subscription, plan, employee) = await access.LoadAsync(query.Caller, query.Id, cancellationToken);
        return await access.DtoAsync(subscription, plan, employee.Name, cancellationToken);
    }
}
