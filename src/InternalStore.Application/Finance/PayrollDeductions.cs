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

public sealed record PayrollDeductionRowDto(string EmployeeId, string EmployeeName, DateOnly Period, decimal Amount,
    Guid OrderId, Guid ScheduleId);

public sealed record PayrollDeductionsDto(DateOnly Period, string Currency, IReadOnlyList<PayrollDeductionRowDto> Deductions,
    decimal Total);

/// <summary>
/// What payroll deducts (negative: credits) on one pay date, per employee and order: the payroll export
/// of the employees of the caller's companies.
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
        var currency = pricing.Value.Currency;
        var deductions = rows.Select(r => new PayrollDeductionRowDto(r.EmployeeId, r.Name, r.Period,
            Currencies.ToMinorUnitScale(r.Amount, currency), r.OrderId, r.ScheduleId)).ToList();
        return new PayrollDeductionsDto(query.Period, currency, deductions,
            Currencies.ToMinorUnitScale(rows.Sum(r => r.Amount), currency));
    }
}
