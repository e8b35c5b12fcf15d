using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Benefits;

public sealed record TaxableBenefitRowDto(string EmployeeId, string EmployeeName, DateOnly Period, decimal Discount,
    decimal QualifiedLimit, decimal TaxableExcess, IReadOnlyList<Guid> Orders, IReadOnlyList<Guid> Subscriptions);

public sealed record TaxableBenefitsDto(DateOnly Period, string Rule, string Currency, IReadOnlyList<TaxableBenefitRowDto> Employees,
    decimal TaxableExcess);

/// <summary>Per employee, the discounts booked in a pay period and their taxable excess: what payroll reports as wages.</summary>
public sealed record ListTaxableBenefitsQuery(Caller Caller, DateOnly Period) : IQuery<TaxableBenefitsDto>, ICallerMessage;

/// <remarks>Only the employees of the caller's companies: names and amounts are personal data.</remarks>
public sealed class ListTaxableBenefitsHandler(IStoreDb db, OrganisationAuthority authority, BenefitRecorder recorder,
    IOptions<PayrollOptions> payroll,
    IOptions<Pricing.PricingOptions> pricing) : IQueryHandler<ListTaxableBenefitsQuery, TaxableBenefitsDto>
{
    public async ValueTask<TaxableBenefitsDto> Handle(ListTaxableBenefitsQuery query, CancellationToken cancellationToken)
    {
        new PayrollCalendar(payroll.Value.PeriodsPerMonth).RequirePayDate(query.Period, "period");
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var entries = await (from b in db.BenefitEntries.AsNoTracking()
                             where b.Period == query.Period
                             join e in db.Employees.AsNoTracking() on b.EmployeeId equals e.Id
                             where companies.Contains(e.CompanyCode)
                             select b).ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.EmployeeId).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var currency = pricing.Value.Currency;
        decimal M(decimal amount) => Currencies.ToMinorUnitScale(amount, currency);
        var rows = entries.GroupBy(e => e.EmployeeId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TaxableBenefitRowDto(g.Key, names.GetValueOrDefault(g.Key, ""), query.Period, M(g.Sum(e => e.Discount)),
                M(g.Sum(e => e.QualifiedLimit)), M(g.Sum(e => e.TaxableExcess)), g.Where(e => e.OrderId != Guid.Empty).Select(e => e.OrderId).Distinct().ToList(),
                g.Where(e => e.SubscriptionId is not null).Select(e => e.SubscriptionId!.Value).Distinct().ToList()))
            .ToList();
        return new TaxableBenefitsDto(query.Period, recorder.Rule.Name, currency, rows, M(entries.Sum(e => e.TaxableExcess)));
    }
}
