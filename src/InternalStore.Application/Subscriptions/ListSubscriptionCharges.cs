using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Subscriptions;

/// <param name="Plans">Per plan: what its subscribers were charged and paid this pay date, what is carried, and so what is owed to its provider.</param>
public sealed record SubscriptionChargesDto(DateOnly Period, string Currency, IReadOnlyList<SubscriptionChargeRowDto> Charges,
    IReadOnlyList<PlanChargeTotalDto> Plans, decimal Charged, decimal Collected);

public sealed record SubscriptionChargeRowDto(string EmployeeId, string EmployeeName, SubscriptionChargeDto Charge);

/// <param name="OwedToProvider">What the period's charges owe the provider: every subscriber's charge, collected now or later.</param>
public sealed record PlanChargeTotalDto(string Plan, string Name, string Provider, int Subscribers, decimal External, decimal Charged,
    decimal Collected, decimal ArrearsOut, decimal OwedToProvider);

/// <summary>A pay date's subscription charges for the employees of the caller's companies, with a total per plan.</summary>
public sealed record ListSubscriptionChargesQuery(Caller Caller, DateOnly? Period) : IQuery<SubscriptionChargesDto>, ICallerMessage;

public sealed class ListSubscriptionChargesValidator : AbstractValidator<ListSubscriptionChargesQuery>
{
    public ListSubscriptionChargesValidator() =>
        RuleFor(x => x.Period).NotNull().WithMessage("period is the pay date, YYYY-MM-DD.").OverridePropertyName("period");
}

public sealed class ListSubscriptionChargesHandler(IStoreDb db, OrganisationAuthority authority, SubscriptionBilling billing,
    Microsoft.Extensions.Options.IOptions<Pricing.PricingOptions> pricing) : IQueryHandler<ListSubscriptionChargesQuery, SubscriptionChargesDto>
{
    public async ValueTask<SubscriptionChargesDto> Handle(ListSubscriptionChargesQuery query, CancellationToken cancellationToken)
    {
        var period = query.Period!.Value;
        billing.Calendar.RequirePayDate(period, "period");
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var rows = await (from c in db.SubscriptionCharges.AsNoTracking()
                          where c.PayDate == period
                          join e in db.Employees.AsNoTracking() on c.EmployeeId equals e.Id
                          where companies.Contains(e.CompanyCode)
                          orderby c.PlanId, c.EmployeeId, c.Id
                          select new { c, e.Name }).ToListAsync(cancellationToken);
        var planIds = rows.Select(r => r.c.PlanId).Distinct().ToList();
        var plans = await db.ServicePlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var currency = pricing.Value.Currency;
        decimal M(decimal amount) => SubscriptionMapping.Money(amount, currency);
        var totals = rows.GroupBy(r => r.c.PlanId).Select(g => new PlanChargeTotalDto(g.Key, plans[g.Key].Name, plans[g.Key].Provider,
            g.Select(r => r.c.SubscriptionId).Distinct().Count(), M(g.Sum(r => r.c.ExternalAmount)), M(g.Sum(r => r.c.Amount)),
            M(g.Sum(r => r.c.Collected)), M(g.Sum(r => r.c.ArrearsOut)), M(g.Sum(r => r.c.Amount)))).ToList();
        return new SubscriptionChargesDto(period, currency, [.. rows.Select(r => new SubscriptionChargeRowDto(r.c.EmployeeId, r.Name, r.c.ToDto()))],
            totals, M(rows.Sum(r => r.c.Amount)), M(rows.Sum(r => r.c.Collected)));
    }
}
