using InternalStore.Api.Console;
using InternalStore.Application.Benefits;
using InternalStore.Application.Checkout;
using InternalStore.Application.Finance;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>The taxable-benefit report of a pay period: discounts above the qualified limit are wages.</summary>
public sealed class BenefitsModel(ISender sender, TimeProvider clock, IOptions<PayrollOptions> payroll) : ConsolePageModel(sender)
{
    public DateOnly Period { get; private set; }
    public TaxableBenefitsDto? Report { get; private set; }

    public async Task OnGetAsync(DateOnly? period)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Period = period ?? new PayrollCalendar(payroll.Value.PeriodsPerMonth).NextPayDates(today, 1)[0];
        Report = await TryQueryAsync(new ListTaxableBenefitsQuery(Caller, Period));
    }

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? period)
    {
        await OnGetAsync(period);
        return Report is null ? Page() : Csv(FinanceCsv.TaxableBenefits(Report), $"taxable-benefits-{Period:yyyy-MM-dd}.csv");
    }
}
