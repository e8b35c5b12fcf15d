using InternalStore.Application.Authority;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Finance;

/// <param name="Type"><c>order-installment</c> (an order paid over pay periods) or <c>subscription</c> (a service plan's period).</param>
public sealed record PayrollDeductionRowDto(string EmployeeId, string EmployeeName, DateOnly Period, decimal Amount,
    Guid? OrderId, Guid? ScheduleId, string Type = PayrollDeductionRowDto.OrderInstallment, Guid? SubscriptionId = null)
{
    public const string OrderInstallment = "order-installment";
    public const string Subscription = "subscription";
}

public sealed record PayrollDeductionsDto(DateOnly Period, string Currency, IReadOnlyList<PayrollDeductionRowDto> Deductions,
    decimal Total);

/// <summary>
/// What payroll deducts (negative: credits) on one pay date, per employee: order instalments and
/// subscription charges, each line typed; the payroll export of the employees of the caller's companies.
/// </summary>
public sealed record ListPayrollDeductionsQuery(Caller Caller, DateOnly Period) : IQuery<PayrollDeductionsDto>, ICallerMessage;

public sealed class ListPayrollDeductionsHandler(IStoreDb db, OrganisationAuthority authority, IOptions<PayrollOptions> payroll,
    IOptions<Pricing.PricingOptions> pricing) : IQueryHandler<ListPayrollDeductionsQuery, PayrollDeductionsDto>
{
    public async ValueTask<PayrollDeductionsDto> Handle(ListPayrollDeductionsQuery query, CancellationToken cancellationToken)
    {
        new PayrollCalendar(payroll.Value.PeriodsPerMonth).RequirePayDate(query.Period, "period");
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.ToList();
        var rows = await (from d in db.PayrollDeductions.AsNoTracking()
                          where d.Period == query.Period && d.Status == DeductionStatus.Scheduled
                          join e in db.Employees.AsNoTracking() on d.EmployeeId equals e.Id
                          where companies.Contains(e.CompanyCode)
                          orderby d.EmployeeId, d.OrderId, d.Id
                          select new { d.EmployeeId, e.Name, d.Period, d.Amount, d.OrderId, d.ScheduleId })
            .ToListAsync(cancellationToken);
        var charges = await (from c in db.SubscriptionCharges.AsNoTracking()
                             where c.PayDate == query.Period && c.Collected != 0
                             join e in db.Employees.AsNoTracking() on c.EmployeeId equals e.Id
                             where companies.Contains(e.CompanyCode)
                             select new { c.EmployeeId, e.Name, c.PayDate, c.Collected, c.SubscriptionId, c.Id })
            .ToListAsync(cancellationToken);
        var currency = pricing.Value.Currency;
        var deductions = rows.Select(r => new PayrollDeductionRowDto(r.EmployeeId, r.Name, r.Period,
                Currencies.ToMinorUnitScale(r.Amount, currency), r.OrderId, r.ScheduleId))
            .Concat(charges.Select(c => new PayrollDeductionRowDto(c.EmployeeId, c.Name, c.PayDate,
                Currencies.ToMinorUnitScale(c.Collected, currency), null, null, PayrollDeductionRowDto.Subscription, c.SubscriptionId)))
            .OrderBy(d => d.EmployeeId, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal)
            .ToList();
        return new PayrollDeductionsDto(query.Period, currency, deductions,
            Currencies.ToMinorUnitScale(rows.Sum(r => r.Amount) + charges.Sum(c => c.Collected), currency));
    }
}
