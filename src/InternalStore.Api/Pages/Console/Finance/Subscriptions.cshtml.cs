using InternalStore.Api.Console;
using InternalStore.Application.Checkout;
using InternalStore.Application.Subscriptions;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>A pay date's subscription charges with a total per plan (what each provider is owed); run the billing of a pay date.</summary>
public sealed class SubscriptionsModel(ISender sender, TimeProvider clock, IOptions<PayrollOptions> payroll) : ConsolePageModel(sender)
{
    public DateOnly Period { get; private set; }
    public IReadOnlyList<DateOnly> PayDates { get; private set; } = [];
    public SubscriptionChargesDto? Charges { get; private set; }

    public async Task OnGetAsync(DateOnly? period)
    {
        var calendar = new PayrollCalendar(payroll.Value.PeriodsPerMonth);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var next = calendar.PayDateOnOrAfter(today);
        PayDates = [.. calendar.NextPayDates(next.AddMonths(-2), 6).Where(d => d <= next)];
        Period = period ?? calendar.PayDateOnOrBefore(today);
        Charges = await TryQueryAsync(new ListSubscriptionChargesQuery(Caller, Period));
    }

    public async Task<IActionResult> OnGetCsvAsync(DateOnly? period)
    {
        await OnGetAsync(period);
        return Charges is null ? Page() : Csv(SubscriptionCsv.Charges(Charges), $"subscription-charges-{Period:yyyy-MM-dd}.csv");
    }

    public async Task<IActionResult> OnPostBillAsync(DateOnly? period)
    {
        if (await TrySendAsync(new BillSubscriptionsCommand(Caller, period)) is { } run)
        {
            Notice = $"Billed {run.Period:yyyy-MM-dd}: {run.Charged} charge(s) for {run.Employees} employee(s), {run.AlreadyBilled} already billed"
                     + $"{(run.Suspended > 0 ? $", {run.Suspended} suspended" : "")}; {run.Collected} {run.Currency} deducted, {run.Arrears} {run.Currency} in arrears.";
            return RedirectToPage(new { period = run.Period.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }

        await OnGetAsync(period);
        return Page();
    }
}
