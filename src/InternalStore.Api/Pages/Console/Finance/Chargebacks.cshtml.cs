using InternalStore.Api.Console;
using InternalStore.Application.Finance;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>A month of internal chargebacks per cost centre and seller, with the same CSV as the API and the CLI.</summary>
public sealed class ChargebacksModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public string Month { get; private set; } = "";
    public ChargebackStatementDto? Statement { get; private set; }

    public async Task OnGetAsync(string? month)
    {
        Month = string.IsNullOrWhiteSpace(month) ? clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : month;
        Statement = await TryQueryAsync(new GetChargebackStatementQuery(Caller, Month));
    }

    public async Task<IActionResult> OnGetCsvAsync(string? month)
    {
        await OnGetAsync(month);
        return Statement is null ? Page() : Csv(FinanceCsv.Chargebacks(Statement), $"chargebacks-{Month}.csv");
    }
}
