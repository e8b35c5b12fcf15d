using InternalStore.Api.Console;
using InternalStore.Application.Checkout;
using InternalStore.Application.Finance;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>What payroll deducts on one pay date, per employee and order; the payroll export as CSV.</summary>
public sealed class PayrollModel(ISender sender, TimeProvider clock, IOptions<PayrollOptions> payroll) : ConsolePageModel(sender)
{
    public DateOnly Period { get; private set; }
    public IReadOnlyList<DateOnly> PayDates { get; private set; } = [];
    public PayrollDeductionsDto? Deductions { get; private set; }

    public async Task OnGetAsync(DateOnly? period)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        PayDates = new PayrollCalendar(payroll.Value.PeriodsPerMonth).NextPayDates(today, 6);
        Period = period ?? PayDates[0];
        Deductions = await TryQueryAsync(new ListPayrollDeductionsQuery(Caller, Period));
    }

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? period)
    {
        await OnGetAsync(period);
        return Deductions is null ? Page() : Csv(FinanceCsv.PayrollDeductions(Deductions), $"payroll-{Period:yyyy-MM-dd}.csv");
    }
}
